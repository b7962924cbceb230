package cn.cbecpilot.platform.compliance;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderRequests;
import cn.cbecpilot.platform.support.ReferenceData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each rule code, broken alone, through the order API: 422 naming that code. */
class RulesThroughApiIntegrationTest extends IntegrationTestBase {

    private ReferenceData reference;

    @BeforeEach
    void reference() {
        reference = new ReferenceData(operator());
    }

    private WebTestClient.BodyContentSpec refused(OrderRequests request, String code) {
        return http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(request.body())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody()
                .jsonPath("$.violations[*].code")
                .isEqualTo(List.of(code));
    }

    @Test
    void positiveList() {
        String phone = reference.productInStock("手机", "8517130000", "OTHER", "99.00", null, 10, null);
        refused(anOrderRequest().line(phone, 1).buyer(nextBuyer()), "POSITIVE_LIST");
    }

    @Test
    void positiveListNameLimit() {
        String aspirin = reference.drugInStock("阿司匹林肠溶片", "30.00", 10);
        refused(anOrderRequest().line(aspirin, 1).buyer(nextBuyer()), "POSITIVE_LIST");
    }

    @Test
    void pilotProduct() {
        String uncertified = reference.productInStock("布洛芬混悬液", "3004909099", "DRUG", "50.00", null, 10, null);
        refused(anOrderRequest().line(uncertified, 1).buyer(nextBuyer()), "PILOT_PRODUCT");
    }

    @Test
    void dualQualification() {
        String code = "11019" + String.format("%05d", nextBuyer() % 100000);
        LocalDate today = LocalDate.now(clock);
        operator()
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of(
                        "code",
                        code,
                        "name",
                        "只有跨境备案的平台",
                        "region",
                        "BEIJING",
                        "roles",
                        List.of("PLATFORM"),
                        "qualifications",
                        List.of(Map.of(
                                "type",
                                "CBEC_PLATFORM",
                                "number",
                                "C-1",
                                "validFrom",
                                today.minusYears(1).toString(),
                                "validUntil",
                                today.plusYears(1).toString()))))
                .exchange()
                .expectStatus()
                .isCreated();
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);

        refused(anOrderRequest().platform(code).line(sku, 1).buyer(nextBuyer()), "DUAL_QUALIFICATION")
                .jsonPath("$.violations[0].message")
                .value(m ->
                        org.assertj.core.api.Assertions.assertThat((String) m).contains("online drug/device trading"));
    }

    @Test
    void identity() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);
        refused(anOrderRequest().line(sku, 1).buyer("张三", "110105199003071230", "13812345678"), "IDENTITY");
    }

    @Test
    void singleLimit() {
        String sku = reference.drugInStock("维生素礼盒", "2600.00", 10);
        refused(anOrderRequest().line(sku, 2).buyer(nextBuyer()), "SINGLE_LIMIT");
    }

    @Test
    void singleIndivisibleItemOverTheLimitIsFullyTaxed() {
        http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(anOrderRequest()
                        .line("DEV-HEAR-1", 1)
                        .buyer(nextBuyer())
                        .body())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.goodsValue")
                .isEqualTo("6800.00")
                .jsonPath("$.tax")
                .isEqualTo("1191.36");
    }

    @Test
    void annualLimit() {
        String sku = reference.drugInStock("维生素礼盒", "4990.00", 20);
        long buyer = nextBuyer();
        for (int i = 0; i < 5; i++) {
            http.post()
                    .uri("/api/orders")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .bodyValue(anOrderRequest().line(sku, 1).buyer(buyer).body())
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        refused(anOrderRequest().line(sku, 1).buyer(buyer), "ANNUAL_LIMIT");
    }

    @Test
    void quantity() {
        String sku = reference.productInStock("布洛芬片", "3004909099", "DRUG", "10.00", "H1", 50, 3);
        refused(anOrderRequest().line(sku, 4).buyer(nextBuyer()), "QUANTITY");
    }

    @Test
    void stock() {
        String sku = reference.drugInStock("布洛芬片", "10.00", 2);
        refused(anOrderRequest().line(sku, 3).buyer(nextBuyer()), "STOCK");
    }

    @Test
    void unknownProduct() {
        refused(anOrderRequest().line("NO-SUCH-SKU", 1).buyer(nextBuyer()), "UNKNOWN_PRODUCT");
    }
}
