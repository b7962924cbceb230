package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.support.OrderJourneys.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.OrderJourneyTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Whole import order lifecycles over real HTTP on the embedded PostgreSQL, customs receipts through the consumer. */
class OrderLifecycleIntegrationTest extends OrderJourneyTestBase {

    @Autowired
    LapsingReturns lapsing;

    @Test
    void walksAnOrderFromPaymentThroughClearanceAndDeliveryToGoodsReturnedInBondTheUnitsFollowingEveryStep() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);
        List<String> codes = journeys.codes(sku, 10);
        var order = journeys.place(sku, 2, nextBuyer());

        ok(journeys.pay(order), "DECLARED");
        assertThat(outbox(order.orderNo())).containsExactly("CEB311:1", "CEB411:1", "CEB511:1", "CEB621:1");

        Instant now = clock.instant();
        assertThat(journeys.receipt("CEB312", order.orderNo(), "120", now)).isTrue();
        assertThat(journeys.receipt("CEB622", order.orderNo(), "120", now)).isTrue();
        assertThat(journeys.status(order.orderNo())).isEqualTo("CUSTOMS_ACCEPTED");
        journeys.receipt("CEB622", order.orderNo(), "800", now.plusSeconds(60));
        Map<String, Object> released = journeys.details(order.orderNo());
        assertThat(released).containsEntry("status", "RELEASED");
        assertThat((Map<String, Object>) released.get("customs"))
                .containsEntry("copNo", order.orderNo())
                .containsEntry("returnStatus", "800")
                .containsKey("invtNo");

        ok(journeys.console(order.orderNo(), "pick", null), "OUT_OF_BOND");
        assertThat(boundCodes(order.orderNo())).containsExactlyElementsOf(codes.subList(0, 2));
        assertThat(lotRemaining(sku)).isEqualTo(8);
        assertThat(reserved(sku)).isZero();
        assertThat(unitStatuses(codes.subList(0, 2))).containsOnly("OUT_OF_BOND");
        ok(journeys.console(order.orderNo(), "handover", null), "IN_TRANSIT");
        assertThat(unitStatuses(codes.subList(0, 2))).containsOnly("IN_TRANSIT");
        ok(journeys.console(order.orderNo(), "delivered", null), "DELIVERED");
        assertThat(unitStatuses(codes.subList(0, 2))).containsOnly("DELIVERED");
        ok(journeys.consumer(order, "return"), "RETURN_REQUESTED");
        assertThat(outbox(order.orderNo())).contains("CEB625:1");
        journeys.receipt("CEB626", order.orderNo(), "399", clock.instant());
        assertThat(journeys.status(order.orderNo())).isEqualTo("RETURN_APPROVED");
        ok(journeys.console(order.orderNo(), "returned", Map.of("codes", codes.subList(0, 2))), "RETURNED");

        assertThat(unitStatuses(codes.subList(0, 2))).containsOnly("RETURNED");
        assertThat(unitStatuses(codes.subList(2, 3))).containsOnly("IN_BOND");
        assertThat(lotRemaining(sku))
                .as("returned units are held, not sellable again")
                .isEqualTo(8);
        assertThat(quotaUsed(order.orderNo())).isZero();
        assertThat(count("select count(*) from trace_event e join trace_code c on c.id = e.code_id where c.raw = '"
                        + codes.get(0) + "'"))
                .isEqualTo(4);
        assertThat(events(order.orderNo()))
                .containsExactly(
                        "PLACE",
                        "PAY",
                        "DECLARE",
                        "RECEIPT_312_120",
                        "RECEIPT_622_120",
                        "RECEIPT_622_800",
                        "PICK",
                        "HANDOVER",
                        "SIGN",
                        "RETURN",
                        "RECEIPT_626_399",
                        "RECEIVE_RETURN");
        @SuppressWarnings("unchecked")
        var lines =
                (List<Map<String, Object>>) journeys.details(order.orderNo()).get("lines");
        assertThat((List<String>) lines.get(0).get("codes")).containsExactlyElementsOf(codes.subList(0, 2));
    }

    @Test
    void refusesAPaymentByAnotherPayerOrOfAnotherAmountWithEveryViolation() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());

        journeys.pay(order, "李四", "110105199003071230", "1.00")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations.length()")
                .isEqualTo(3)
                .jsonPath("$.violations[0].code")
                .isEqualTo("PAYER_MATCH");

        assertThat(journeys.status(order.orderNo())).isEqualTo("PENDING_PAYMENT");
        assertThat(outbox(order.orderNo())).isEmpty();
    }

    @Test
    void appliesAReceiptDeliveredTwiceOnceAndALateLowerStageChangesNothing() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());
        journeys.pay(order).expectStatus().isOk();
        Instant now = clock.instant();

        journeys.receipt(
                "CEB622",
                order.orderNo(),
                "800",
                now,
                "A0000000-0000-0000-0000-" + order.orderNo().substring(10));
        assertThat(journeys.receipt(
                        "CEB622",
                        order.orderNo(),
                        "800",
                        now,
                        "A0000000-0000-0000-0000-" + order.orderNo().substring(10)))
                .isTrue();
        journeys.receipt("CEB622", order.orderNo(), "120", now.plusSeconds(5));
        journeys.receipt("CEB622", order.orderNo(), "100", now.minusSeconds(5));

        Map<String, Object> details = journeys.details(order.orderNo());
        assertThat(details).containsEntry("status", "RELEASED");
        assertThat((Map<String, Object>) details.get("customs")).containsEntry("returnStatus", "800");
        assertThat(events(order.orderNo()))
                .containsExactly("PLACE", "PAY", "DECLARE", "RECEIPT_622_800", "RECEIPT_622_120", "RECEIPT_622_100");
    }

    @Test
    void anOlderInventoryReceiptArrivingAfterANewerOneMovesNothing() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());
        journeys.pay(order).expectStatus().isOk();
        Instant now = clock.instant();

        journeys.receipt("CEB622", order.orderNo(), "500", now);
        journeys.receipt("CEB622", order.orderNo(), "100", now.minusSeconds(30));

        assertThat(journeys.status(order.orderNo())).isEqualTo("INSPECTION");
    }

    @Test
    void answersFalseForAReceiptOfAnUnknownOrderSoTheIntakeParksIt() {
        assertThat(journeys.receipt("CEB622", "CB20260101999999999999", "120", clock.instant()))
                .isFalse();
    }

    @Test
    void redeclaresARejectedListAsAChange() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());
        journeys.pay(order).expectStatus().isOk();

        journeys.receipt("CEB622", order.orderNo(), "-621018", clock.instant());
        assertThat(journeys.status(order.orderNo())).isEqualTo("REJECTED");
        ok(journeys.console(order.orderNo(), "redeclare", null), "DECLARED");

        assertThat(outbox(order.orderNo())).endsWith("CEB621:2");
    }

    @Test
    void cancellingAnUnpaidOrderGivesItsQuotaAndStockBack() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 3, nextBuyer());
        assertThat(reserved(sku)).isEqualTo(3);

        ok(journeys.consumer(order, "cancel"), "CANCELLED");

        assertThat(reserved(sku)).isZero();
        assertThat(quotaUsed(order.orderNo())).isZero();
        assertThat(unitsBought(order.orderNo(), sku)).isZero();
    }

    @Test
    void cancellingADeclaredOrderWaitsForCustomsAndGoesBackWhenCustomsRefuses() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 2, nextBuyer());
        journeys.pay(order).expectStatus().isOk();
        journeys.receipt("CEB622", order.orderNo(), "120", clock.instant());

        ok(journeys.consumer(order, "cancel"), "CANCELLING");
        assertThat(outbox(order.orderNo())).endsWith("CEB623:1");
        journeys.receipt("CEB624", order.orderNo(), "100", clock.instant());
        assertThat(journeys.status(order.orderNo())).isEqualTo("CUSTOMS_ACCEPTED");
        assertThat(reserved(sku)).isEqualTo(2);

        ok(journeys.console(order.orderNo(), "cancel", null), "CANCELLING");
        journeys.receipt("CEB624", order.orderNo(), "399", clock.instant());
        assertThat(journeys.status(order.orderNo())).isEqualTo("CANCELLED");
        assertThat(reserved(sku)).isZero();
        assertThat(quotaUsed(order.orderNo())).isZero();
    }

    @Test
    void refusesAnEventTheStateDoesNotAllowWith409NamingTheState() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());

        journeys.console(order.orderNo(), "pick", null)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("PENDING_PAYMENT"));
        journeys.consumer(order, "return").expectStatus().isEqualTo(409);
        assertThat(events(order.orderNo())).containsExactly("PLACE");
    }

    @Test
    void answers404ForAnUnknownOrderOrAWrongToken() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());

        journeys.console("CB20260101999999999999", "handover", null)
                .expectStatus()
                .isNotFound();
        http.post()
                .uri("/api/orders/{no}/cancel", order.orderNo())
                .header("X-Order-Token", "not-the-token")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(journeys.status(order.orderNo())).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void refusesAReturnAskedForMoreThan30DaysAfterRelease() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        journeys.codes(sku, 1);
        var order = journeys.place(sku, 1, nextBuyer());
        journeys.released(order, clock.instant().minus(Duration.ofDays(31)));
        journeys.console(order.orderNo(), "pick", null).expectStatus().isOk();
        journeys.console(order.orderNo(), "handover", null).expectStatus().isOk();
        journeys.console(order.orderNo(), "delivered", null).expectStatus().isOk();

        journeys.consumer(order, "return")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("RETURN_WINDOW");
        assertThat(journeys.status(order.orderNo())).isEqualTo("DELIVERED");
    }

    @Test
    void anApprovedReturnWhoseGoodsAreNotBackInBondWithin45DaysOfReleaseLapsesAndTheSaleStands() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        List<String> codes = journeys.codes(sku, 1);
        var order = journeys.place(sku, 1, nextBuyer());
        Instant start = clock.instant();
        journeys.released(order, start.minus(Duration.ofDays(20)));
        journeys.picked(order.orderNo(), null);
        journeys.handedOver(order.orderNo());
        journeys.delivered(order.orderNo());
        ok(journeys.consumer(order, "return"), "RETURN_REQUESTED");
        journeys.receipt("CEB626", order.orderNo(), "399", start);
        long quota = quotaUsed(order.orderNo());
        try {
            clock.advance(Duration.ofDays(25));
            assertThat(lapsing.lapseDue(10).toFuture().join())
                    .as("day 45 after release: still in time")
                    .isZero();
            assertThat(journeys.status(order.orderNo())).isEqualTo("RETURN_APPROVED");

            clock.advance(Duration.ofDays(1).plusMinutes(1));
            journeys.console(order.orderNo(), "returned", Map.of("codes", codes))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.violations[0].code")
                    .isEqualTo("RETURN_WINDOW");
            assertThat(lapsing.lapseDue(10).toFuture().join()).isGreaterThanOrEqualTo(1);
        } finally {
            clock.set(start);
        }

        assertThat(journeys.status(order.orderNo())).isEqualTo("DELIVERED");
        assertThat(events(order.orderNo())).endsWith("RETURN_LAPSED");
        assertThat(quotaUsed(order.orderNo()))
                .as("the sale stands")
                .isEqualTo(quota)
                .isPositive();
        assertThat(unitStatuses(codes)).containsOnly("DELIVERED");
    }

    @Test
    void refusesPickingACodeOfAnotherSkuAndBindsNothing() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        String other = reference.drugInStock("对乙酰氨基酚片", "30.00", 5);
        List<String> own = journeys.codes(sku, 1);
        List<String> foreign = journeys.codes(other, 1);
        var order = journeys.place(sku, 2, nextBuyer());
        journeys.released(order, clock.instant());

        journeys.console(order.orderNo(), "pick", Map.of("codes", List.of(own.get(0), foreign.get(0))))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("TRACE_CODE_WRONG_SKU");

        assertThat(boundCodes(order.orderNo())).isEmpty();
        assertThat(journeys.status(order.orderNo())).isEqualTo("RELEASED");
    }

    @Test
    void rollsTheStateChangeBackWhenTheOutboxInsertFails() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());
        String trigger = "fail_outbox_" + order.orderNo().toLowerCase();
        exec("create function " + trigger + "() returns trigger language plpgsql as $$ begin if new.subject_no = '"
                + order.orderNo() + "' then raise exception 'outbox unavailable'; end if; return new; end $$");
        exec("create trigger " + trigger + " before insert on customs_outbox for each row execute function " + trigger
                + "()");
        try {
            journeys.pay(order).expectStatus().is5xxServerError();
        } finally {
            exec("drop trigger " + trigger + " on customs_outbox");
            exec("drop function " + trigger + "()");
        }

        assertThat(journeys.status(order.orderNo())).isEqualTo("PENDING_PAYMENT");
        assertThat(events(order.orderNo())).containsExactly("PLACE");
        assertThat(count("select count(*) from customer_order where paid_at is not null and order_no = '"
                        + order.orderNo() + "'"))
                .isZero();
    }

    @Test
    void refusesPickingAUnitAConsumerReturnedAndSellsTheOrderFromFirstHandStock() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 3);
        List<String> codes = journeys.codes(sku, 3);
        var first = journeys.place(sku, 1, nextBuyer());
        journeys.released(first, clock.instant());
        journeys.picked(first.orderNo(), List.of(codes.get(0)));
        journeys.handedOver(first.orderNo());
        journeys.delivered(first.orderNo());
        ok(journeys.consumer(first, "return"), "RETURN_REQUESTED");
        journeys.receipt("CEB626", first.orderNo(), "399", clock.instant());
        ok(journeys.console(first.orderNo(), "returned", Map.of("codes", List.of(codes.get(0)))), "RETURNED");

        var second = journeys.place(sku, 1, nextBuyer());
        journeys.released(second, clock.instant());
        journeys.console(second.orderNo(), "pick", Map.of("codes", List.of(codes.get(0))))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("TRACE_CODE_RETURNED")
                .jsonPath("$.violations[0].field")
                .isEqualTo("codes[0]");
        assertThat(unitStatuses(List.of(codes.get(0)))).containsOnly("RETURNED");

        journeys.picked(second.orderNo(), null);
        assertThat(boundCodes(second.orderNo())).containsExactly(codes.get(1));
    }

    /** Each unit's status as the consumer's traceability lookup shows it. */
    private List<String> unitStatuses(List<String> codes) {
        return codes.stream()
                .map(code -> (String) http.get()
                        .uri("/api/trace/{code}", code)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                        .returnResult()
                        .getResponseBody()
                        .get("status"))
                .toList();
    }

    private List<String> outbox(String orderNo) {
        return db.sql("select message_type, app_type from customs_outbox where subject_no = $1 order by id")
                .bind(0, orderNo)
                .map((r, m) -> r.get(0, String.class) + ":" + r.get(1, String.class))
                .all()
                .collectList()
                .toFuture()
                .join();
    }

    private List<String> events(String orderNo) {
        return texts("select event from order_history where order_no = $1 order by id", orderNo);
    }

    private List<String> boundCodes(String orderNo) {
        return db.sql("select raw from trace_code where order_no = $1 order by id")
                .bind(0, orderNo)
                .map((r, m) -> r.get(0, String.class))
                .all()
                .collectList()
                .toFuture()
                .join();
    }

    private long lotRemaining(String sku) {
        return count("select sum(remaining) from lot where sku = '" + sku + "'");
    }

    private long quotaUsed(String orderNo) {
        return count("select (q.used * 100)::bigint from buyer_quota q join customer_order o"
                + " on o.buyer_id_hash = q.buyer_id_hash and o.quota_year = q.year where o.order_no = '" + orderNo
                + "'");
    }

    private long unitsBought(String orderNo, String sku) {
        return count("select q.quantity::bigint from buyer_product_quota q join customer_order o"
                + " on o.buyer_id_hash = q.buyer_id_hash and o.quota_year = q.year where o.order_no = '" + orderNo
                + "' and q.sku = '" + sku + "'");
    }

    private void exec(String sql) {
        db.sql(sql).then().toFuture().join();
    }
}
