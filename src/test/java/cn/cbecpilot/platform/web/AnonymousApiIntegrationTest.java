package cn.cbecpilot.platform.web;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The anonymous hot paths run without sessions but with the security headers, and what needs a signed-in operator
 * still does: an operator opens any order without its token, nobody else does.
 */
class AnonymousApiIntegrationTest extends IntegrationTestBase {

    @Test
    void placesAnOrderWithoutASessionAndWithTheSecurityHeaders() {
        var answer = http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(anOrderRequest()
                        .line("DRG-LOR-10", 1)
                        .buyer(nextBuyer())
                        .body())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .exists("Content-Security-Policy")
                .returnResult(String.class);

        assertThat(answer.getResponseHeaders().get("Set-Cookie")).isNull();
    }

    @Test
    void theCatalogueAnswersWithoutASession() {
        var answer = http.get()
                .uri("/api/products")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .returnResult(String.class);

        assertThat(answer.getResponseHeaders().get("Set-Cookie")).isNull();
    }

    @Test
    void anOperatorStillOpensAnOrderWithoutItsTokenAndAStrangerDoesNot() {
        String orderNo = placeOrder("DRG-LOR-10");

        Map<String, Object> order = operator()
                .get()
                .uri("/api/orders/{no}", orderNo)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(order).containsEntry("orderNo", orderNo);
        http.get().uri("/api/orders/{no}", orderNo).exchange().expectStatus().isNotFound();
    }

    @Test
    void customsReceiptsStillNeedTheBearerToken() {
        http.post()
                .uri("/customs/receipts")
                .header("Content-Type", "application/xml")
                .bodyValue("<DxpMsg/>")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
