package cn.cbecpilot.platform.exportreturn;

import static cn.cbecpilot.platform.exportreturn.ExportReturnFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An export return's whole way over real HTTP, with receipts handed to the platform's receipt consumer. */
class ExportReturnIntegrationTest extends IntegrationTestBase {

    @Autowired
    List<ReceiptConsumer> consumers;

    private ExportReturnFixture fixture;
    private LocalDate today;

    @BeforeEach
    void fixture() {
        ReceiptConsumer forReturns = consumers.stream()
                .filter(c -> c instanceof ExportReturnReceipts)
                .findFirst()
                .orElseThrow();
        fixture = new ExportReturnFixture(operator(), forReturns);
        today = LocalDate.now(clock);
    }

    private long returned(String listNo, int gnum) {
        return count("select returned_quantity::bigint from export_list_line where export_list_no = '" + listNo
                + "' and gnum = " + gnum);
    }

    private static List<Object> field(Object list, String key) {
        return ((List<?>) list)
                .stream().map(e -> (Object) ((Map<?, ?>) e).get(key)).toList();
    }

    private long outbox(String returnNo, String type) {
        return count("select count(*) from customs_outbox where subject_kind = 'EXPORT_RETURN' and subject_no = '"
                + returnNo + "' and message_type = '" + type + "'");
    }

    @Test
    void takesABatchOverTwoListsFromDeclarationThroughReleaseToReExportFromBond() {
        String a = fixture.exportList(today.minusDays(60), false);
        String b = fixture.exportList(today.minusDays(30), false);

        String returnNo = fixture.declared(
                List.of(line(a, 1, 4, null), line(a, 2, 2, List.of(a + "C1", a + "C2")), line(b, 1, 5, null)));

        assertThat(outbox(returnNo, "CEB213")).isEqualTo(1);
        assertThat(returned(a, 1)).isEqualTo(4);
        assertThat(returned(a, 2)).isEqualTo(2);
        assertThat(returned(b, 1)).isEqualTo(5);

        assertThat(fixture.refundReceipt(returnNo, "2")).isTrue();
        assertThat(fixture.status(returnNo)).isEqualTo("DECLARED");
        assertThat(fixture.refundReceipt(returnNo, "120")).isTrue();
        assertThat(fixture.status(returnNo)).isEqualTo("ACCEPTED");

        fixture.post(
                        "/api/console/export-returns/" + returnNo + "/tally",
                        Map.of(
                                "lines",
                                List.of(
                                        line(a, 1, 3, null),
                                        line(a, 2, 2, List.of(a + "C1", a + "C2")),
                                        line(b, 1, 5, null)),
                                "location",
                                "A-01-03"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ARRIVED");
        assertThat(outbox(returnNo, "CEB215")).isEqualTo(1);
        assertThat(returned(a, 1))
                .as("the unit that did not arrive is given back")
                .isEqualTo(3);

        assertThat(fixture.refundReceipt(returnNo, "800")).isTrue();
        assertThat(fixture.status(returnNo)).isEqualTo("RELEASED");

        fixture.post("/api/console/export-returns/" + returnNo + "/dispose", Map.of("disposition", "BONDED_STORAGE"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("BONDED_STORAGE");
        assertThat(count("select sum(quantity) from export_return_bond_stock where return_no = '" + returnNo + "'"))
                .isEqualTo(10);

        for (String step : List.of("consolidated", "repaired", "relabelled")) {
            fixture.post("/api/console/export-returns/" + returnNo + "/steps/" + step, Map.of())
                    .expectStatus()
                    .isOk();
        }
        Map<?, ?> relabelled = fixture.details(returnNo);
        assertThat(relabelled.get("status")).isEqualTo("RELABELLED");
        assertThat(field(relabelled.get("bondStock"), "condition")).containsOnly("RELABELLED");

        fixture.post("/api/console/export-returns/" + returnNo + "/steps/re-exported", Map.of())
                .expectStatus()
                .isOk();

        Map<?, ?> done = fixture.details(returnNo);
        assertThat(done.get("status")).isEqualTo("RE_EXPORTED");
        assertThat(done.get("taxExempt")).isEqualTo(true);
        assertThat(done.get("disposition")).isEqualTo("BONDED_STORAGE");
        assertThat((List<?>) done.get("bondStock")).isEmpty();
        assertThat(field(done.get("history"), "to"))
                .containsExactly(
                        "DRAFT",
                        "DECLARED",
                        "ACCEPTED",
                        "ARRIVED",
                        "RELEASED",
                        "BONDED_STORAGE",
                        "CONSOLIDATED",
                        "REPAIRED",
                        "RELABELLED",
                        "RE_EXPORTED");
        assertThat(count("select coalesce(sum(quantity), 0) from export_return_bond_movement where return_no = '"
                        + returnNo + "'"))
                .as("everything that entered bond left it")
                .isZero();
    }

    @Test
    void letsGoodsReEnterTheDomesticMarketOnlyWhenTheClaimedRebateWasRepaid() {
        String list = fixture.exportList(today.minusDays(200), true);
        String returnNo = fixture.declared(List.of(line(list, 1, 1, null)));
        fixture.refundReceipt(returnNo, "120");
        fixture.post(
                        "/api/console/export-returns/" + returnNo + "/tally",
                        Map.of("lines", List.of(Map.of("quantity", 1))))
                .expectStatus()
                .isOk();
        fixture.refundReceipt(returnNo, "800");

        fixture.post("/api/console/export-returns/" + returnNo + "/dispose", Map.of("disposition", "RE_ENTER_DOMESTIC"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("EXPORT_REBATE");
        assertThat(fixture.status(returnNo)).isEqualTo("RELEASED");

        fixture.post(
                        "/api/console/export-returns/" + returnNo + "/dispose",
                        Map.of("disposition", "RE_ENTER_DOMESTIC", "rebateRepaid", true))
                .expectStatus()
                .isOk();
        Map<?, ?> done = fixture.details(returnNo);
        assertThat(done.get("status")).isEqualTo("RE_ENTERED_DOMESTIC");
        assertThat(done.get("reentryBasis")).isEqualTo("REBATE_REPAID");
        assertThat(done.get("taxExempt"))
                .as("back more than six months after export")
                .isEqualTo(false);
    }

    @Test
    void appliesEachReceiptOnceAndNeverLetsAnEarlierStageOverwriteALaterOne() {
        String list = fixture.exportList(today.minusDays(10), false);
        String returnNo = fixture.declared(List.of(line(list, 1, 2, null)));
        String guid = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);

        assertThat(fixture.receipt("CEB214", guid, returnNo, "300")).isTrue();
        assertThat(fixture.receipt("CEB214", guid, returnNo, "300")).isTrue();
        fixture.refundReceipt(returnNo, "120");

        assertThat(fixture.status(returnNo)).isEqualTo("UNDER_REVIEW");
        assertThat(count("select count(*) from export_return_history where return_no = '" + returnNo + "'"))
                .isEqualTo(3);

        fixture.refundReceipt(returnNo, "800");
        assertThat(fixture.status(returnNo))
                .as("a release before the tally waits for it")
                .isEqualTo("UNDER_REVIEW");
        fixture.post(
                        "/api/console/export-returns/" + returnNo + "/tally",
                        Map.of("lines", List.of(Map.of("quantity", 2))))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("RELEASED");

        assertThat(fixture.receipt("CEB216", UUID.randomUUID().toString().toUpperCase(Locale.ROOT), returnNo, "399"))
                .isTrue();
        assertThat(fixture.status(returnNo)).isEqualTo("RELEASED");
        assertThat(fixture.refundReceipt("ER20990101999999", "120"))
                .as("unknown return")
                .isFalse();
    }

    @Test
    void givesTheUnitsOfARejectedReturnBack() {
        String list = fixture.exportList(today.minusDays(10), false);
        String returnNo = fixture.declared(List.of(line(list, 1, 6, null)));
        assertThat(returned(list, 1)).isEqualTo(6);

        fixture.refundReceipt(returnNo, "100");

        assertThat(fixture.status(returnNo)).isEqualTo("REJECTED");
        assertThat(returned(list, 1)).isZero();
        fixture.declared(List.of(line(list, 1, 10, null)));
    }

    @Test
    void refusesATallyAfterTheYearAndKeepsTheReturnAsItWas() {
        String list = fixture.exportList(today.minusDays(300), false);
        String returnNo = fixture.declared(List.of(line(list, 1, 1, null)));
        fixture.refundReceipt(returnNo, "120");
        var before = clock.instant();
        try {
            clock.set(before.plus(java.time.Duration.ofDays(66)));
            fixture.post(
                            "/api/console/export-returns/" + returnNo + "/tally",
                            Map.of("lines", List.of(Map.of("quantity", 1))))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.violations[0].code")
                    .isEqualTo("RETURN_WINDOW");
        } finally {
            clock.set(before);
        }
        assertThat(fixture.status(returnNo)).isEqualTo("ACCEPTED");
        assertThat(outbox(returnNo, "CEB215")).isZero();
    }
}
