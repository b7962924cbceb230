package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.support.OrderJourneys.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.customs.OutboxDispatcher;
import cn.cbecpilot.platform.support.OrderJourneyTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * An order cancelled after declaration but before customs' 120 receipt gave its list an invtNo, through the real
 * outbox and the embedded single window: the CEB623 waits for the number instead of failing the schema, and when
 * customs rejects the list meanwhile the cancellation completes without one.
 */
class CancellationBeforeInventoryNumberIntegrationTest extends OrderJourneyTestBase {

    @Autowired
    OutboxDispatcher dispatcher;

    @Test
    void holdsTheCancellationUntilTheInventoryNumberArrivesThenCancelsWithIt() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());
        ok(journeys.pay(order), "DECLARED");
        ok(journeys.consumer(order, "cancel"), "CANCELLING");

        setAsideUnsentExceptOf(order.orderNo());
        dispatcher.dispatchDue().toFuture().join();

        assertThat(count("select count(*) from customs_outbox where subject_no = '" + order.orderNo()
                        + "' and message_type = 'CEB623' and sent_at is null and failed_at is null and attempts = 0"
                        + " and last_error like 'waiting for the invtNo%'"))
                .isOne();
        await().atMost(Duration.ofSeconds(30)).until(() -> invtNo(order.orderNo()) != null);

        sendOutboxOf(order.orderNo());

        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(journeys.status(order.orderNo())));
        assertThat(messages(order.orderNo()))
                .filteredOn(m -> "OUT".equals(m.get("direction")) && "CEB623".equals(m.get("type")))
                .singleElement()
                .satisfies(m -> assertThat((String) m.get("xml"))
                        .contains("<ceb:invtNo>" + invtNo(order.orderNo()) + "</ceb:invtNo>")
                        .contains("SignatureValue"));
        assertThat(count("select count(*) from customs_outbox where subject_no = '" + order.orderNo()
                        + "' and failed_at is not null"))
                .isZero();
    }

    @Test
    void completesTheCancellationWithoutACeb623WhenCustomsRejectsTheListMeanwhile() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 2, nextBuyer());
        ok(journeys.pay(order), "DECLARED");
        ok(journeys.consumer(order, "cancel"), "CANCELLING");
        String orderNo = order.orderNo();

        // the order and the partners' documents go first; the list follows once a line no longer agrees with the
        // order customs has on file, so that the single window rejects it (1322) before it assigns an invtNo
        db.sql("update customs_outbox set available_at = :later where subject_no = :no"
                        + " and message_type in ('CEB621', 'CEB623')")
                .bind("later", clock.instant().plus(Duration.ofDays(1)))
                .bind("no", orderNo)
                .then()
                .toFuture()
                .join();
        setAsideUnsentExceptOf(orderNo);
        dispatcher.dispatchDue().toFuture().join();
        exec("update order_line set line_value = line_value + 1 where order_no = '" + orderNo + "'");
        sendOutboxOf(orderNo);

        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(journeys.status(orderNo)));
        assertThat(count("select count(*) from customs_outbox where subject_no = '" + orderNo
                        + "' and message_type = 'CEB623'"))
                .isZero();
        assertThat(messages(orderNo))
                .extracting(m -> m.get("direction") + " " + m.get("type"))
                .contains("OUT CEB621", "IN CEB622")
                .doesNotContain("OUT CEB623");
        assertThat(count("select reserved::bigint from bond_stock_reserved where sku = '" + sku + "'"))
                .isZero();
        assertThat(count("select count(*) from order_history where order_no = '" + orderNo
                        + "' and event = 'RECEIPT_622_100' and from_status = 'CANCELLING' and to_status = 'CANCELLED'"))
                .isOne();
    }

    private String invtNo(String orderNo) {
        Map<String, Object> customs =
                (Map<String, Object>) journeys.details(orderNo).get("customs");
        return customs == null ? null : (String) customs.get("invtNo");
    }

    private List<Map<String, Object>> messages(String orderNo) {
        return operator()
                .get()
                .uri("/api/console/orders/{no}/messages", orderNo)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }

    private void exec(String sql) {
        db.sql(sql).then().toFuture().join();
    }
}
