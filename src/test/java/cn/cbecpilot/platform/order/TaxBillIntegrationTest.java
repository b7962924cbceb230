package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.support.OrderJourneys.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.OrderJourneyTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * An order cleared through the embedded single window gets customs' electronic tax bill (CEB816) after release: kept
 * on its message list, and its amounts on the order's customs block, equal to the tax the platform collected; the
 * bill pushed alone is applied and kept by one statement.
 */
class TaxBillIntegrationTest extends OrderJourneyTestBase {

    @Test
    void storesTheTaxBillCustomsIssuesAfterReleaseAndShowsItsAmounts() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 2, nextBuyer());
        ok(journeys.pay(order), "DECLARED");

        sendOutboxOf(order.orderNo());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> customs(order.orderNo()).containsKey("taxBill"));
        Map<String, Object> details = journeys.details(order.orderNo());
        Map<String, Object> bill =
                (Map<String, Object>) customs(order.orderNo()).get("taxBill");
        assertThat(details).containsEntry("status", "RELEASED");
        assertThat(bill)
                .containsEntry("customsTax", "0.00")
                .containsEntry("consumptionTax", "0.00")
                .containsEntry("valueAddedTax", details.get("tax"))
                .containsEntry("total", details.get("tax"));
        assertThat((String) bill.get("taxNo")).isNotBlank();
        assertThat(messages(order.orderNo()))
                .filteredOn(m -> "IN".equals(m.get("direction")) && "CEB816".equals(m.get("type")))
                .singleElement()
                .satisfies(m -> assertThat((String) m.get("xml"))
                        .contains("TaxHeadRd")
                        .contains("<ceb:invtNo>" + customs(order.orderNo()).get("invtNo") + "</ceb:invtNo>"));
        assertThat(count("select count(*) from order_history where order_no = '" + order.orderNo()
                        + "' and event = 'RECEIPT_816_1'"))
                .isOne();
        // pushed alone, the bill was applied, noted and kept by one statement: its rows share transaction and command
        assertThat(count("select count(distinct xmin::text || ' ' || cmin::text) from (select xmin, cmin"
                        + " from order_receipt where message_type = 'CEB816' and order_no = '" + order.orderNo() + "'"
                        + " union all select xmin, cmin from order_history where event = 'RECEIPT_816_1'"
                        + " and order_no = '" + order.orderNo() + "' union all select xmin, cmin from customs_message"
                        + " where direction = 'IN' and message_type = 'CEB816' and subject_no = '" + order.orderNo()
                        + "') written"))
                .isOne();
    }

    private Map<String, Object> customs(String orderNo) {
        return (Map<String, Object>) journeys.details(orderNo).get("customs");
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
}
