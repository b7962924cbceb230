package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.bond.BondStock;
import cn.cbecpilot.platform.support.OrderJourneyTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.OrderRequests;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A SKU's reservations spread over its stock slots: whichever slot an order falls in, every unit is sold once, and what
 * the slots have allotted never exceeds the units in bond that no order holds, through cancellation, picking, recalls
 * and the turn of the day.
 */
class StockSlotsIntegrationTest extends OrderJourneyTestBase {

    @Autowired
    ConnectionFactory connections;

    @LocalServerPort
    int port;

    @Test
    void unitsACancelledOrderGaveBackAreSoldThroughAnotherSlot() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 1);
        String first = keyInSlot(2);
        String second = keyInSlot(5);
        OrderJourneys.Placed cancelled =
                placed(first, anOrderRequest().line(sku, 1).buyer(nextBuyer()));
        assertThat(post(keyInSlot(5), anOrderRequest().line(sku, 1).buyer(nextBuyer())))
                .as("the one unit is reserved")
                .isEqualTo(422);

        journeys.consumer(cancelled, "cancel").expectStatus().isOk();

        assertThat(post(second, anOrderRequest().line(sku, 1).buyer(nextBuyer())))
                .isEqualTo(201);
        assertThat(reserved(sku)).isOne();
        assertThat(count("select stock_slot from customer_order where idempotency_key = '" + second + "'"))
                .isEqualTo(5);
        assertAllottedWithinStock(sku);
    }

    @Test
    void pickingTakesTheUnitsOutOfTheSlotsAllotmentAsTheyLeaveTheBond() {
        String sku = reference.codedDrugInStock("氯雷他定片", "35.00", 6);
        OrderJourneys.Placed order = journeys.place(sku, 2, nextBuyer());
        assertAllottedWithinStock(sku);

        journeys.released(order, clock.instant());
        journeys.picked(order.orderNo(), null);

        assertThat(reserved(sku)).isZero();
        assertThat(count("select sum(remaining) from lot where sku = '" + sku + "'"))
                .isEqualTo(4);
        assertAllottedWithinStock(sku);
        assertThat(List.of(
                        post(keyInSlot(0), anOrderRequest().line(sku, 4).buyer(nextBuyer())),
                        post(keyInSlot(7), anOrderRequest().line(sku, 1).buyer(nextBuyer()))))
                .containsExactly(201, 422);
    }

    /**
     * A recall blocks the units between an order's read, which saw them, and its write: the write finds its slot's
     * allotment taken away by the recall, and a fresh allotment finds nothing left, so the order is refused.
     */
    @Test
    void aRecallTakesAwayWhatTheSlotsHadAllottedAndNotReserved() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);
        long buyer = nextBuyer();
        assertThat(post(keyInSlot(3), anOrderRequest().line(sku, 1).buyer(buyer)))
                .isEqualTo(201);
        assertThat(count("select allotted - reserved from bond_stock_slot where sku = '" + sku + "' and slot = 3"))
                .as("the slot has units allotted and not reserved")
                .isPositive();
        String key = keyInSlot(3);

        int status = placedWhileTheBuyersQuotaIsLocked(
                key, anOrderRequest().line(sku, 1).buyer(buyer), buyerHash(sku), () -> recallEveryLot(sku));

        assertThat(status).isEqualTo(422);
        assertThat(ordersUnder(key)).isZero();
        assertThat(reserved(sku)).isOne();
    }

    /**
     * Allotments are made for a day: lots that expired since cannot be sold through what a slot was allotted before.
     * Two orders race for the one unit left in bond two days on, through slots that were allotted five units each of a lot
     * that has since expired; one gets it.
     */
    @Test
    void allotmentsOfAnEarlierDayDoNotSellUnitsThatHaveExpiredSince() {
        LocalDate today = LocalDate.now(clock);
        String sku = reference.drugInStock("布洛芬片", "68.00", 0);
        lot(sku, today.plusDays(1), 40);
        lot(sku, today.plusYears(2), 1);
        long buyer = nextBuyer();
        OrderJourneys.Placed first =
                placed(keyInSlot(1), anOrderRequest().line(sku, 1).buyer(buyer));
        journeys.consumer(first, "cancel").expectStatus().isOk();
        assertThat(count("select min(allotted) from bond_stock_slot where sku = '" + sku + "'"))
                .as("every slot has some of the 41 units allotted")
                .isPositive();
        clock.advance(Duration.ofDays(2));
        try {
            String key = keyInSlot(1);
            int status = placedWhileTheBuyersQuotaIsLocked(
                    key, anOrderRequest().line(sku, 1).buyer(buyer), buyerHash(sku), () -> assertThat(post(
                                    keyInSlot(6), anOrderRequest().line(sku, 1).buyer(nextBuyer())))
                            .isEqualTo(201));

            assertThat(status).isEqualTo(422);
            assertThat(reserved(sku)).isOne();
            assertThat(count("select count(*) from bond_stock_slot where sku = '" + sku + "' and allotted_on = '"
                            + today.plusDays(2) + "'"))
                    .isEqualTo(BondStock.SLOTS);
            assertAllottedWithinStock(sku);
        } finally {
            clock.advance(Duration.ofDays(-2));
        }
    }

    /**
     * An order holding units a recall then blocked is cancelled: its units leave its slot's allotment with it, so that
     * two orders racing for the two units of a new lot, in that slot, do not both get them on the strength of the
     * allotment the cancelled order left.
     */
    @Test
    void aCancelledOrderLeavesNoAllotmentOfUnitsARecallBlockedSince() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        long buyer = nextBuyer();
        OrderJourneys.Placed holding =
                placed(keyInSlot(3), anOrderRequest().line(sku, 5).buyer(buyer));
        recallEveryLot(sku);
        journeys.consumer(holding, "cancel").expectStatus().isOk();
        lot(sku, LocalDate.now(clock).plusYears(2), 2);
        String key = keyInSlot(3);

        int status = placedWhileTheBuyersQuotaIsLocked(
                key, anOrderRequest().line(sku, 2).buyer(buyer), buyerHash(sku), () -> assertThat(
                                post(keyInSlot(3), anOrderRequest().line(sku, 2).buyer(nextBuyer())))
                        .isEqualTo(201));

        assertThat(status).isEqualTo(422);
        assertThat(reserved(sku)).isEqualTo(2);
        assertAllottedWithinStock(sku);
    }

    /**
     * A short slot takes what it lacks from units no slot holds (a new lot here) and leaves the other slots' allotments
     * as they were, rather than sharing everything out again, which near the last units would have short slots take
     * each other's units in turn.
     */
    @Test
    void aShortSlotIsToppedUpFromUnitsNoSlotHoldsAndTheOthersKeepTheirs() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 20);
        placed(keyInSlot(0), anOrderRequest().line(sku, 1).buyer(nextBuyer()));
        List<String> before = texts(
                "select slot || ':' || allotted from bond_stock_slot where sku = $1 and slot <> 4 order by slot", sku);
        lot(sku, LocalDate.now(clock).plusYears(2), 40);

        assertThat(post(keyInSlot(4), anOrderRequest().line(sku, 5).buyer(nextBuyer())))
                .isEqualTo(201);

        assertThat(texts(
                        "select slot || ':' || allotted from bond_stock_slot where sku = $1 and slot <> 4 order by slot",
                        sku))
                .isEqualTo(before);
        assertThat(count("select allotted - reserved from bond_stock_slot where sku = '" + sku + "' and slot = 4"))
                .as("the rest of the new units, less what slot 4 took, shared in eighths")
                .isEqualTo((40 + 2 - 5) / BondStock.SLOTS);
        assertAllottedWithinStock(sku);
    }

    /**
     * Orders placed before the slots reserved in the stock row itself; cancelling one gives its units back there, not
     * to a slot, whose count would go below zero.
     */
    @Test
    void anOrderPlacedBeforeTheSlotsGivesItsUnitsBackToTheStockRow() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        OrderJourneys.Placed order = journeys.place(sku, 2, nextBuyer());
        // as V83 found such an order: no slot, its units counted in the stock row
        db.sql("with o as (update customer_order set stock_slot = null where order_no = $1 returning 1),"
                        + " s as (update bond_stock_slot set reserved = reserved - 2, allotted = allotted - 2"
                        + " where sku = $2 and reserved = 2 returning 1)"
                        + " update bond_stock set reserved_before_slots = 2 where sku = $2")
                .bind(0, order.orderNo())
                .bind(1, sku)
                .then()
                .block(Duration.ofSeconds(10));
        assertThat(reserved(sku)).isEqualTo(2);

        journeys.consumer(order, "cancel").expectStatus().isOk();

        assertThat(count("select reserved_before_slots from bond_stock where sku = '" + sku + "'"))
                .isZero();
        assertThat(count("select sum(reserved) from bond_stock_slot where sku = '" + sku + "'"))
                .isZero();
        assertThat(post(keyInSlot(4), anOrderRequest().line(sku, 5).buyer(nextBuyer())))
                .isEqualTo(201);
    }

    /** What the slots have allotted, with what orders before the slots reserved, fits in the units in bond today. */
    private void assertAllottedWithinStock(String sku) {
        long inBond = count("select coalesce(sum(remaining), 0) from lot where sku = '" + sku + "' and expiry >= '"
                + LocalDate.now(clock) + "' and not recalled");
        long held = count("select s.reserved_before_slots + sum(x.allotted) from bond_stock s join bond_stock_slot x"
                + " using (sku) where s.sku = '" + sku + "' group by s.reserved_before_slots");
        assertThat(held).isLessThanOrEqualTo(inBond);
    }

    /**
     * Places the order while another transaction holds the buyer's quota row, so that the placement has read and waits
     * to write; runs {@code meanwhile} then, lets the placement go on and answers its HTTP status.
     */
    private int placedWhileTheBuyersQuotaIsLocked(
            String key, OrderRequests order, String buyerHash, Runnable meanwhile) {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        return Mono.usingWhen(
                        connections.create(),
                        c -> Mono.from(c.beginTransaction())
                                .then(Mono.from(c.createStatement(
                                                        "select 1 from buyer_quota where buyer_id_hash = $1 for update")
                                                .bind(0, buyerHash)
                                                .execute())
                                        .flatMap(r -> Mono.from(r.getRowsUpdated())))
                                .then(Mono.zip(
                                        postOrder(client, key, order),
                                        Mono.fromRunnable(() -> {
                                                    awaitAPlacementWaitingOnALock();
                                                    meanwhile.run();
                                                })
                                                .subscribeOn(Schedulers.boundedElastic())
                                                .then(Mono.from(c.commitTransaction()))
                                                .thenReturn(true)))
                                .map(t -> t.getT1()),
                        Connection::close)
                .block(Duration.ofSeconds(60));
    }

    private String buyerHash(String sku) {
        return db.sql("select buyer_id_hash from customer_order o join order_line l using (order_no) where l.sku = $1"
                        + " limit 1")
                .bind(0, sku)
                .map((r, m) -> r.get(0, String.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    /** Recalls every lot of the SKU through the console API. */
    private void recallEveryLot(String sku) {
        operator()
                .post()
                .uri("/api/console/recalls")
                .bodyValue(Map.of("sku", sku, "reason", "包装破损"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED);
    }

    private void lot(String sku, LocalDate expiry, int units) {
        operator()
                .post()
                .uri("/api/console/lots")
                .bodyValue(Map.of(
                        "sku", sku, "batchNo", "S" + nextBuyer(), "expiry", expiry.toString(), "quantity", units))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED);
    }

    /** An Idempotency-Key whose order reserves in the slot. */
    private static String keyInSlot(int slot) {
        while (true) {
            String key = UUID.randomUUID().toString();
            if (BondStock.slotOf(key) == slot) {
                return key;
            }
        }
    }

    private OrderJourneys.Placed placed(String key, OrderRequests order) {
        Map<String, Object> body = WebClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/api/orders")
                .header("Idempotency-Key", key)
                .bodyValue(order.body())
                .retrieve()
                .bodyToMono(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .block(Duration.ofSeconds(10));
        return new OrderJourneys.Placed(
                (String) body.get("orderNo"), (String) body.get("orderToken"), (String) body.get("total"), order);
    }

    private int post(String key, OrderRequests order) {
        return postOrder(WebClient.create("http://127.0.0.1:" + port), key, order)
                .block(Duration.ofSeconds(30));
    }
}
