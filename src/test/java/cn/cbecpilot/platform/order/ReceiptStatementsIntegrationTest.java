package cn.cbecpilot.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.QueryPlans;
import io.r2dbc.spi.ConnectionFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What applying a message's receipts together costs the database: its one read of their orders and its one move of
 * them go by key.
 */
class ReceiptStatementsIntegrationTest extends IntegrationTestBase {

    @Autowired
    ConnectionFactory connections;

    private static final String[] ORDER_NOS = {"CB20261206000000001", "CB20261206000000002"};
    private static final String[] STATUSES = {"120", "800"};
    private static final String[] TIMES = {"2026-12-03T02:15:30Z", "2026-12-03T02:20:30Z"};

    @Test
    void theReadOfAMessagesOrdersFindsThemByTheirNumber() {
        String[] guids = {"2B2D3A0C-7C4E-4F55-9F0A-3E1C5D6B7A81", "5E0F1A2B-3C4D-4E5F-8A9B-0C1D2E3F4A5B"};
        String[] types = {"CEB622", "CEB622"};

        findsTheOrdersByTheirNumber(QueryPlans.of(
                connections, LifecycleRows.FIND_FOR_RECEIPTS, ORDER_NOS, guids, types, STATUSES, TIMES, Instant.now()));
    }

    @Test
    void theMoveOfAMessagesOrdersFindsThemByTheirNumber() {
        String[] events = {"RECEIPT_622_120", "RECEIPT_622_800"};

        findsTheOrdersByTheirNumber(QueryPlans.of(
                connections,
                Orders.MOVE_ALL,
                ORDER_NOS,
                new String[] {"DECLARED", "CUSTOMS_ACCEPTED"},
                new Integer[] {3, 4},
                new String[] {"CUSTOMS_ACCEPTED", "RELEASED"},
                events,
                events,
                STATUSES,
                TIMES,
                new String[] {"01142026I000000001", null},
                new Boolean[] {false, true},
                Instant.now()));
    }

    /**
     * The values of {@link LifecycleRows#moveForReceipt} with the clearance and the receipt kept: a 120 accepting the
     * order at that version.
     */
    private static Object[] aReceiptsMove(String orderNo, int version, String guid) {
        return new Object[] {
            orderNo,
            "DECLARED",
            version,
            "CUSTOMS_ACCEPTED",
            Instant.now(),
            "RECEIPT_622_120",
            guid + " [Code:120]",
            guid.toUpperCase(Locale.ROOT),
            "CEB622",
            "120",
            Instant.now(),
            "120",
            Instant.now(),
            "01142026I000000001",
            false,
            guid.toUpperCase(Locale.ROOT),
            "CEB622",
            "120",
            "[Code:120]",
            Instant.now(),
            "<CEB622Message/>",
            Instant.now()
        };
    }

    /** Each order of the statement found through its key: no order read in full, none filtered by its number. */
    private static void findsTheOrdersByTheirNumber(List<String> plan) {
        assertThat(plan).anyMatch(l -> l.contains("customer_order")).noneMatch(l -> l.contains("Seq Scan"));
        assertThat(plan).noneMatch(l -> l.strip().startsWith("Filter:") && l.contains("order_no"));
    }

    @Test
    void theMoveOfAnOrderByAReceiptPushedAloneIsPlannedOncePerConnection() {
        long kept = QueryPlans.keptPlans(
                connections,
                LifecycleRows.moveForReceipt(true, true),
                12,
                i -> aReceiptsMove(
                        "CB2026120600000000" + (i % 10), i, UUID.randomUUID().toString()));

        assertThat(kept).isGreaterThanOrEqualTo(7);
    }

    @Test
    void theMoveOfAnOrderByAReceiptPushedAloneFindsItAndTheReceiptByKey() {
        List<String> plan = QueryPlans.of(
                connections,
                LifecycleRows.moveForReceipt(true, true),
                aReceiptsMove("CB20261206000000001", 3, "2B2D3A0C-7C4E-4F55-9F0A-3E1C5D6B7A81"));

        // the order by an index (on this small database PostgreSQL may take the status index and filter the number,
        // its cost equal to the key's), the receipt by its key
        assertThat(plan)
                .anyMatch(l -> l.contains("Index Scan") && l.contains("on customer_order"))
                .anyMatch(l -> l.strip().startsWith("Index Cond: (guid = "))
                .noneMatch(l -> l.contains("Seq Scan"));
        assertThat(plan).noneMatch(l -> l.strip().startsWith("Filter:") && l.contains("guid"));
    }

    /** The values of {@link LifecycleRows#NOTE_FOR_RECEIPT}: a 312 noted on the order. */
    private static Object[] aReceiptsNote(String orderNo, String guid) {
        return new Object[] {
            orderNo,
            guid,
            "CEB312",
            "120",
            Instant.now(),
            Instant.now(),
            "RECEIPT_312_120",
            guid + " [Code:120]",
            guid,
            "CEB312",
            "120",
            "[Code:120]",
            Instant.now(),
            "<CEB312Message/>",
            Instant.now()
        };
    }

    @Test
    void theNoteOfAReceiptPushedAloneFindsTheOrderAndTheReceiptByKeyWithAKeptPlan() {
        List<String> plan = QueryPlans.of(
                connections,
                LifecycleRows.NOTE_FOR_RECEIPT,
                aReceiptsNote("CB20261206000000001", "2B2D3A0C-7C4E-4F55-9F0A-3E1C5D6B7A81"));
        long kept = QueryPlans.keptPlans(
                connections,
                LifecycleRows.NOTE_FOR_RECEIPT,
                12,
                i -> aReceiptsNote(
                        "CB2026120600000000" + (i % 10),
                        UUID.randomUUID().toString().toUpperCase(Locale.ROOT)));

        assertThat(plan)
                .anyMatch(l -> l.contains("Index Scan") && l.contains("on customer_order"))
                .noneMatch(l -> l.contains("Seq Scan"));
        assertThat(kept).isGreaterThanOrEqualTo(7);
    }

    @Test
    void aTaxBillPushedAloneFindsItsListAndOrderAndIsAppliedByKey() {
        String guid = "2B2D3A0C-7C4E-4F55-9F0A-3E1C5D6B7A81";
        List<String> found = QueryPlans.of(connections, LifecycleRows.FIND_BY_SENT_GUID, guid);
        List<String> applied = QueryPlans.of(
                connections,
                LifecycleRows.TAX_BILL_FOR_RECEIPT,
                "CB20261206000000001",
                guid,
                "CEB816",
                "1",
                Instant.now(),
                Instant.now(),
                "RECEIPT_816_1",
                "tax bill 2026120600001 9.10; " + guid,
                "2026120600001",
                BigDecimal.ZERO,
                new BigDecimal("9.10"),
                BigDecimal.ZERO,
                "RELEASED",
                guid,
                "CEB816",
                "1",
                "电子税单已生成",
                Instant.now(),
                "<CEB816Message/>",
                Instant.now());

        assertThat(found)
                .anyMatch(l -> l.contains("customs_message"))
                .anyMatch(l -> l.contains("on customer_order"))
                .noneMatch(l -> l.contains("Seq Scan"));
        assertThat(found).noneMatch(l -> l.strip().startsWith("Filter:") && l.contains("guid"));
        assertThat(applied).anyMatch(l -> l.contains("on customer_order")).noneMatch(l -> l.contains("Seq Scan"));
    }
}
