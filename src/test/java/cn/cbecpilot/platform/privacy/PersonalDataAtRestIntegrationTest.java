package cn.cbecpilot.platform.privacy;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderRequests;
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
