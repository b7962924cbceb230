package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderRequests;
import cn.cbecpilot.platform.support.ReferenceData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class OrderPlacementIntegrationTest extends IntegrationTestBase {

    @Autowired
    ExpiringUnpaidOrders expiry;

    private ReferenceData reference;

    @BeforeEach
    void reference() {
        reference = new ReferenceData(operator());
    }

    private WebTestClient.ResponseSpec place(OrderRequests request) {
        return place(request, UUID.randomUUID().toString());
    }

    private WebTestClient.ResponseSpec place(OrderRequests request, String key) {
        return http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", key)
                .bodyValue(request.body())
                .exchange();
    }

    private Map<String, Object> placed(OrderRequests request) {
        return place(request)
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private int stockOf(String sku) {
        return http
                .get()
                .uri("/api/products")
                .exchange()
                .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .stream()
                .filter(p -> sku.equals(p.get("sku")))
                .findFirst()
                .map(p -> (Integer) p.get("stock"))
                .orElseThrow();
    }

    @Test
    void placesALawfulOrderWithTaxAndReservesItsStock() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);

        Map<String, Object> order = placed(anOrderRequest().line(sku, 1).buyer(nextBuyer()));

        assertThat(order)
                .containsEntry("status", "PENDING_PAYMENT")
                .containsEntry("goodsValue", "68.00")
                .containsEntry("freight", "10.00")
                .containsEntry("tax", "7.10")
                .containsEntry("total", "85.10");
        assertThat((String) order.get("orderToken")).hasSizeGreaterThan(20);
        assertThat(stockOf(sku)).isEqualTo(9);
    }

    @Test
    void placesAnOrderOfSeveralLinesAndReservesEachSkuForAllItsLines() {
        String ibuprofen = reference.drugInStock("布洛芬片", "68.00", 10);
        String loratadine = reference.drugInStock("氯雷他定片", "35.00", 10);

        Map<String, Object> order = placed(anOrderRequest()
                .line(ibuprofen, 1)
                .line(loratadine, 2)
                .line(ibuprofen, 2)
                .buyer(nextBuyer()));

        String orderNo = (String) order.get("orderNo");
        assertThat(order).containsEntry("goodsValue", "274.00");
        assertThat(stockOf(ibuprofen)).isEqualTo(7);
        assertThat(stockOf(loratadine)).isEqualTo(8);
        assertThat(count("select count(*) from order_line where order_no = '" + orderNo + "'"))
                .isEqualTo(3);
        assertThat(count("select quantity from buyer_product_quota q join customer_order o"
                        + " on o.buyer_id_hash = q.buyer_id_hash and o.quota_year = q.year"
                        + " where o.order_no = '" + orderNo + "' and q.sku = '" + ibuprofen + "'"))
                .isEqualTo(3);
        assertThat(count("select count(*) from order_history where order_no = '" + orderNo + "' and event = 'PLACE'"))
                .isOne();
    }

    @Test
    void answersTheSameOrderForTheSameIdempotencyKey() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);
        OrderRequests request = anOrderRequest().line(sku, 2).buyer(nextBuyer());
        String key = UUID.randomUUID().toString();

        var first = place(request, key)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        var again = place(request, key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(stockOf(sku)).isEqualTo(8);
    }

    @Test
    void placesOneOrderWhenTheSameKeyArrivesManyTimesAtOnce() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 20);
        OrderRequests request = anOrderRequest().line(sku, 2).buyer(nextBuyer());
        String key = UUID.randomUUID().toString();

        // each call blocks its thread until answered, so each gets its own to race the others
        List<Object> orderNos = reactor.core.publisher.Flux.range(0, 8)
                .flatMap(
                        i -> reactor.core.publisher.Mono.fromCallable(() -> place(request, key)
                                        .expectStatus()
                                        .isCreated()
                                        .expectBody(Map.class)
                                        .returnResult()
                                        .getResponseBody()
                                        .get("orderNo"))
                                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()),
                        8)
                .collectList()
                .toFuture()
                .join();

        assertThat(orderNos).hasSize(8).containsOnly(orderNos.get(0));
        assertThat(ordersUnder(key)).isOne();
        assertThat(stockOf(sku)).isEqualTo(18);
    }

    @Test
    void refusesAKeySentAgainWithAnotherOrder() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);
        String key = UUID.randomUUID().toString();
        place(anOrderRequest().line(sku, 1).buyer(nextBuyer()), key)
                .expectStatus()
                .isCreated();

        place(anOrderRequest().line(sku, 3).buyer(nextBuyer()), key)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(stockOf(sku)).isEqualTo(9);
    }

    @Test
    void showsTheOrderOnlyToTheHolderOfItsToken() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);
        Map<String, Object> order = placed(anOrderRequest().line(sku, 1).buyer(nextBuyer()));
        String orderNo = (String) order.get("orderNo");

        http.get()
                .uri("/api/orders/{no}", orderNo)
                .header("X-Order-Token", (String) order.get("orderToken"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING_PAYMENT")
                .jsonPath("$.buyer.idNumber")
                .value(id -> assertThat((String) id).matches("110105\\*{8}\\d{3}[\\dX]"))
                .jsonPath("$.buyer.phone")
                .isEqualTo("138****5678")
                .jsonPath("$.history[0].to")
                .isEqualTo("PENDING_PAYMENT")
                .jsonPath("$.lines[0].sku")
                .isEqualTo(sku);
        http.get().uri("/api/orders/{no}", orderNo).exchange().expectStatus().isNotFound();
        http.get()
                .uri("/api/orders/{no}", orderNo)
                .header("X-Order-Token", "wrong")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        operator()
                .get()
                .uri("/api/orders/{no}", orderNo)
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The order's answer is read in one statement, its lines and timeline as JSON: nothing is lost on the way. */
    @Test
    @SuppressWarnings("unchecked")
    void answersTheOrderExactlyAsItsRowsHoldIt() {
        String ibuprofen = reference.drugInStock("布洛芬片", "68.33", 10);
        String loratadine = reference.drugInStock("氯雷他定片", "35.07", 10);
        Map<String, Object> order =
                placed(anOrderRequest().line(loratadine, 2).line(ibuprofen, 3).buyer(nextBuyer()));
        String orderNo = (String) order.get("orderNo");

        Map<String, Object> answer = http.get()
                .uri("/api/orders/{no}", orderNo)
                .header("X-Order-Token", (String) order.get("orderToken"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        List<Map<String, Object>> lines = (List<Map<String, Object>>) answer.get("lines");
        List<String> stored = texts(
                "select line_no || ' ' || sku || ' ' || quantity || ' ' || unit_price || ' ' || tax"
                        + " from order_line where order_no = $1 order by line_no",
                orderNo);
        assertThat(lines)
                .extracting(l -> l.get("lineNo") + " " + l.get("sku") + " " + l.get("quantity") + " "
                        + l.get("unitPrice") + " " + l.get("tax"))
                .containsExactlyElementsOf(stored)
                .hasSize(2);
        assertThat(lines.get(0).get("unitPrice")).isEqualTo("35.07");
        assertThat(lines)
                .allSatisfy(l -> assertThat((List<String>) l.get("codes")).isEmpty());
        List<Map<String, Object>> history = (List<Map<String, Object>>) answer.get("history");
        Instant placedAt = db.sql("select at from order_history where order_no = $1")
                .bind(0, orderNo)
                .map((r, m) -> r.get(0, java.time.OffsetDateTime.class).toInstant())
                .one()
                .toFuture()
                .join();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("from")).isNull();
        assertThat(Instant.parse((String) history.get(0).get("at"))).isEqualTo(placedAt);
        assertThat(answer.get("total")).isEqualTo(order.get("total"));
    }

    @Test
    void expiresAnUnpaidOrderAndGivesStockAndQuotaBack() {
        String sku = reference.drugInStock("布洛芬片", "2500.00", 10);
        long buyer = nextBuyer();
        Map<String, Object> order = placed(anOrderRequest().line(sku, 2).buyer(buyer));
        place(anOrderRequest().line(sku, 2).buyer(buyer)).expectStatus().isCreated();
        assertThat(stockOf(sku)).isEqualTo(6);

        clock.advance(Duration.ofMinutes(31));
        try {
            assertThat(expiry.expireDue(1000).toFuture().join()).isGreaterThanOrEqualTo(2);
        } finally {
            clock.advance(Duration.ofMinutes(-31));
        }

        assertThat(stockOf(sku)).isEqualTo(10);
        operator()
                .get()
                .uri("/api/orders/{no}", order.get("orderNo"))
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.history[1].event")
                .isEqualTo("PAYMENT_TIMEOUT");
        // the quota given back lets the same buyer order the full annual limit's worth again
        for (int i = 0; i < 5; i++) {
            place(anOrderRequest().line(sku, 2).buyer(buyer)).expectStatus().isCreated();
        }
    }

    @Test
    void reportsEveryRuleAnOrderBreaksWithItsLine() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 1);

        place(anOrderRequest().line(sku, 2).line("NO-SUCH-SKU", 1).buyer("", "110105199003071230", "123"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations[?(@.code == 'STOCK')].line")
                .isEqualTo(List.of(1))
                .jsonPath("$.violations[?(@.code == 'UNKNOWN_PRODUCT')].line")
                .isEqualTo(List.of(2))
                .jsonPath("$.violations[?(@.code == 'IDENTITY')].length()")
                .value(n -> assertThat(n).isNotNull());
        assertThat(stockOf(sku)).isEqualTo(1);
    }
}
