package cn.cbecpilot.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.shared.PlainText;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/** Every malformed or hostile request answers 4xx with a problem, and changes nothing. */
class BadInputIntegrationTest extends IntegrationTestBase {

    private static final String BUYER = "\"buyer\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\","
            + "\"phone\":\"13812345678\"},\"consignee\":{\"name\":\"张三\",\"phone\":\"13812345678\",\"address\":\"北京\"}";

    static Stream<Arguments> malformedOrders() {
        String manyLines = "{\"lines\":[" + "{\"sku\":\"DRG-IBU-200\",\"quantity\":1},".repeat(4999)
                + "{\"sku\":\"DRG-IBU-200\",\"quantity\":1}]," + BUYER + "}";
        return Stream.of(
                Arguments.of("not json", "{\"lines\": [", 400),
                Arguments.of("empty body", "", 400),
                Arguments.of("array instead of object", "[1,2,3]", 400),
                Arguments.of("no lines", "{\"lines\":[]," + BUYER + "}", 400),
                Arguments.of(
                        "negative quantity",
                        "{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":-3}]," + BUYER + "}",
                        400),
                Arguments.of(
                        "zero quantity", "{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":0}]," + BUYER + "}", 400),
                Arguments.of(
                        "huge quantity",
                        "{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":99999999999999999999}]," + BUYER + "}",
                        400),
                Arguments.of(
                        "quantity as text",
                        "{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":\"two\"}]," + BUYER + "}",
                        400),
                Arguments.of(
                        "fractional quantity",
                        "{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":1.5}]," + BUYER + "}",
                        400),
                Arguments.of("5,000 lines", manyLines, 400),
                Arguments.of("null line", "{\"lines\":[null]," + BUYER + "}", 400),
                Arguments.of("no buyer", "{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":1}]}", 400),
                Arguments.of(
                        "injection-shaped sku",
                        "{\"lines\":[{\"sku\":\"x'; drop table product; --\"," + "\"quantity\":1}]," + BUYER + "}",
                        400),
                Arguments.of(
                        "injection-shaped name",
                        "{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":1}],"
                                + BUYER.replace("张三\",\"idNumber", "<script>alert(1)</script>' OR '1'='1\",\"idNumber")
                                + "}",
                        422),
                Arguments.of("unknown sku", "{\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]," + BUYER + "}", 422),
                Arguments.of(
                        "NUL in the platform code",
                        "{\"platformCode\":\"PLAT\\u0000\",\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":1}],"
                                + BUYER + "}",
                        400),
                Arguments.of(
                        "control character in the address",
                        "{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":1}],"
                                + BUYER.replace("\"北京\"", "\"北京\\u001b[2J\"") + "}",
                        400));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformedOrders")
    void refusesMalformedOrdersWithAProblemAndChangesNothing(String what, String body, int status) {
        long orders = count("select count(*) from customer_order");
        long reserved = count("select sum(reserved) from bond_stock_reserved");

        http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", "bad-" + what.hashCode())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isNotEmpty();

        assertThat(count("select count(*) from customer_order")).isEqualTo(orders);
        assertThat(count("select sum(reserved) from bond_stock_reserved")).isEqualTo(reserved);
    }

    @Test
    void namesTheFieldThatCarriesAControlCharacter() {
        http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", "nul-in-name")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":1}],"
                        + BUYER.replaceFirst("张三", "张\\\\u0000三") + "}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("buyer.name")
                .jsonPath("$.violations[0].message")
                .isEqualTo("buyer.name " + PlainText.REASON);
    }

    @Test
    void refusesAPaymentWhoseTransactionIdCarriesANulAndLeavesTheOrderUnpaid() {
        var placed = http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", "nul-payment-" + System.nanoTime())
                .bodyValue(cn.cbecpilot.platform.support.OrderRequests.anOrderRequest()
                        .line("DRG-IBU-200", 1)
                        .buyer(nextBuyer())
                        .body())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<java.util.Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        http.post()
                .uri("/api/orders/{no}/payment", placed.get("orderNo"))
                .header("X-Order-Token", (String) placed.get("orderToken"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"payCode\":\"PAY\\u0000\",\"transactionId\":\"T\\u0000X\","
                        + "\"payer\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\"},\"amount\":\"1.00\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(count("select count(*) from customer_order where order_no = '" + placed.get("orderNo")
                        + "' and status = 'PENDING_PAYMENT'"))
                .isOne();
    }

    @Test
    void refusesAnOrderWithoutIdempotencyKey() {
        http.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\":[{\"sku\":\"DRG-IBU-200\",\"quantity\":1}]," + BUYER + "}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("Idempotency-Key"));
    }

    @Test
    void refusesAnOversizedBody() {
        String huge = "{\"lines\":[{\"sku\":\"" + "A".repeat(2_000_000) + "\",\"quantity\":1}]}";
        http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", "huge")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus()
                .value(s -> assertThat(s).isIn(400, 413));
    }

    @Test
    void refusesAWrongMediaType() {
        http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", "xml")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue("<order/>")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }

    @Test
    void answersUnknownOrdersWith404() {
        http.get()
                .uri("/api/orders/CB000")
                .header("X-Order-Token", "x")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
