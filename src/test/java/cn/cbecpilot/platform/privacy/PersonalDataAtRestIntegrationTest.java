package cn.cbecpilot.platform.privacy;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.OrderRequests;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/** Buyer and consignee data never reach the database in clear, and leave the API masked. */
class PersonalDataAtRestIntegrationTest extends IntegrationTestBase {

    @Autowired
    private PersonalData data;

    @Autowired
    private Resealing resealing;

    @Autowired
    private List<ReceiptConsumer> consumers;

    @Test
    void storesTheBuyersNameIdPhoneAndAddressSealed() {
        OrderRequests request = anOrderRequest().line("DRG-LOR-10", 1).buyer(nextBuyer());
        String orderNo = place(request);

        Map<String, Object> row = row(orderNo);

        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("pd1:demo:"));
        assertThat(row.get("buyer_id_number").toString())
                .doesNotContain(request.idNumber().substring(0, 6));
        assertThat(data.open((String) row.get("buyer_id_number"))).isEqualTo(request.idNumber());
        assertThat(data.open((String) row.get("consignee_address"))).isEqualTo("北京市朝阳区建国路88号SOHO现代城");
    }

    @Test
    void sealsValuesLeftInClearByAnEarlierVersion() {
        String orderNo = place(anOrderRequest().line("DRG-LOR-10", 1).buyer(nextBuyer()));
        db.sql("update customer_order set buyer_name = '王五', consignee_phone = '13900001111' where order_no = $1")
                .bind(0, orderNo)
                .fetch()
                .rowsUpdated()
                .toFuture()
                .join();

        resealing.resealAll().toFuture().join();

        Map<String, Object> row = row(orderNo);
        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("pd1:demo:"));
        assertThat(data.open((String) row.get("buyer_name"))).isEqualTo("王五");
        assertThat(data.open((String) row.get("consignee_phone"))).isEqualTo("13900001111");
    }

    @Test
    void keepsTheMessagesSentToCustomsSealedAndListsThemMasked() {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        OrderJourneys.Placed order = journeys.place("DRG-LOR-10", 1, nextBuyer());
        String id = order.request().idNumber();
        OrderJourneys.ok(journeys.pay(order), "DECLARED");
        sendOutboxOf(order.orderNo());

        List<String> stored = db.sql("select xml from customs_message where direction = 'OUT' and subject_no = $1")
                .bind(0, order.orderNo())
                .map((r, m) -> r.get("xml", String.class))
                .all()
                .collectList()
                .toFuture()
                .join();
        assertThat(stored)
                .hasSize(4)
                .allSatisfy(xml -> assertThat(xml).startsWith("pd1:demo:").doesNotContain(id));
        assertThat(stored).anySatisfy(xml -> assertThat(data.open(xml)).contains("<ceb:buyerIdNumber>" + id + "<"));

        List<Map<String, Object>> listed = operator()
                .get()
                .uri("/api/console/orders/{orderNo}/messages", order.orderNo())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
        List<String> sent = listed.stream()
                .filter(m -> "OUT".equals(m.get("direction")))
                .map(m -> (String) m.get("xml"))
                .toList();
        assertThat(sent).hasSize(4).allSatisfy(xml -> assertThat(xml)
                .doesNotContain(id)
                .doesNotContain("13812345678")
                .doesNotContain("建国路88号"));
        assertThat(String.join("", sent))
                .contains("<ceb:buyerIdNumber>" + id.substring(0, 6) + "********" + id.substring(14) + "</")
                .contains("<ceb:consigneeTelephone>138****5678</");
    }

    @Test
    void sealsMessageCopiesLeftInClearByAnEarlierVersion() {
        String guid = UUID.randomUUID().toString().toUpperCase();
        db.sql("insert into customs_message (direction, guid, message_type, subject_no, xml, at, applied)"
                        + " values ('OUT', $1, 'CEB311', 'CLEAR-COPY', $2, now(), true)")
                .bind(0, guid)
                .bind(1, "<ceb:buyerIdNumber>110105199003071234</ceb:buyerIdNumber>")
                .fetch()
                .rowsUpdated()
                .toFuture()
                .join();

        resealing.resealAll().toFuture().join();

        String stored = db.sql("select xml from customs_message where guid = $1")
                .bind(0, guid)
                .map((r, m) -> r.get("xml", String.class))
                .one()
                .toFuture()
                .join();
        assertThat(stored).startsWith("pd1:demo:");
        assertThat(data.open(stored)).isEqualTo("<ceb:buyerIdNumber>110105199003071234</ceb:buyerIdNumber>");
    }

    @Test
    void resealsMoreMessageCopiesThanOneBatchHoldsWithoutStalling() {
        String subject = "BULK" + nextBuyer();
        db.sql("insert into customs_message (direction, guid, message_type, subject_no, xml, at, applied)"
                        + " select 'OUT', upper(gen_random_uuid()::text), 'CEB311', $1,"
                        + " '<ceb:buyerIdNumber>110105199003071234</ceb:buyerIdNumber>' || repeat('x', 4000),"
                        + " now(), true from generate_series(1, 450)")
                .bind(0, subject)
                .fetch()
                .rowsUpdated()
                .toFuture()
                .join();

        resealing.resealAll().block(java.time.Duration.ofSeconds(60));

        assertThat(count("select count(*) from customs_message where subject_no = '" + subject
                        + "' and xml like 'pd1:demo:%'"))
                .isEqualTo(450);
    }

    @Test
    void takesAnOrderWhoseLongestAddressGrowsPastItsClearLengthWhenSealed() {
        OrderRequests request = anOrderRequest().line("DRG-LOR-10", 1).buyer(nextBuyer());
        Map<String, Object> body = request.body();
        ((Map<String, Object>) body.get("consignee")).put("address", "北京市朝阳区建国路".repeat(21) + "八八号");

        http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private Map<String, Object> row(String orderNo) {
        return db.sql("select buyer_name, buyer_id_number, buyer_phone, consignee_name, consignee_phone,"
                        + " consignee_address from customer_order where order_no = $1")
                .bind(0, orderNo)
                .fetch()
                .one()
                .toFuture()
                .join();
    }

    private String place(OrderRequests request) {
        Map<String, Object> order = http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(request.body())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (String) order.get("orderNo");
    }
}
