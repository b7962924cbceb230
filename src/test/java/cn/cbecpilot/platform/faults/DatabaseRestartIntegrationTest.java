package cn.cbecpilot.platform.faults;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.OrderRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database stopped and started again under the running platform (the JVM's one embedded PostgreSQL, so every test
 * waits until its R2DBC pool hands out live connections again): while it is down an order is answered with a 503
 * problem; once it is back, orders placed before and after clear customs, no request is sent twice, and the stock and
 * quota held are exactly the orders'.
 */
class DatabaseRestartIntegrationTest extends FaultsIntegrationTestBase {

    private EmbeddedDatabase database;

    @BeforeEach
    void findTheDatabase() {
        database = EmbeddedDatabase.behind(db);
    }

    @Test
    void answersAnOrderWithA503ProblemWhileTheDatabaseIsDown() {
        database.stop();
        try {
            place(
                            anOrderRequest().line(SKU, 1).buyer(nextBuyer()),
                            UUID.randomUUID().toString())
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(503)
                    .jsonPath("$.title")
                    .isEqualTo("Service unavailable")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("database"));
        } finally {
            startAgain();
        }
    }

    @Test
    void clearsOrdersPlacedBeforeAndAfterARestartSendingEachRequestOnceAndLeakingNoStockOrQuota() {
        Stock before = stock();
        String placedBefore = declaredOrder();
        OrderRequests retried = anOrderRequest().line(SKU, 1).buyer(nextBuyer());
        String idempotencyKey = UUID.randomUUID().toString();

        database.stop();
        try {
            assertThat(OrderJourneys.status(place(retried, idempotencyKey)))
                    .as("placing while the database is down")
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        } finally {
            startAgain();
        }
        String placedAfter = placedAndPaid(retried, idempotencyKey);
        List<String> orders = List.of(placedBefore, placedAfter);
        sendOutboxOf(orders, Duration.ofSeconds(30));
        awaitReleased(orders);

        assertThat(singleWindow().receivedByGuid())
                .as("times the single window received each request")
                .isEqualTo(eachRequestOnce(orders));
        assertThat(stock()).isEqualTo(before.plusReserved(orders.size()));
        assertThat(quotaBeyondOrders(orders)).isEqualTo(nothingBeyond(orders));
    }

    private void startAgain() {
        database.start();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(this::everyPooledConnectionAnswers);
    }

    private WebTestClient.ResponseSpec place(OrderRequests request, String idempotencyKey) {
        return http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", idempotencyKey)
                .bodyValue(request.body())
                .exchange();
    }

    private String placedAndPaid(OrderRequests request, String idempotencyKey) {
        Map<String, Object> body = place(request, idempotencyKey)
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        var placed = new OrderJourneys.Placed(
                (String) body.get("orderNo"), (String) body.get("orderToken"), (String) body.get("total"), request);
        journeys.pay(placed).expectStatus().isOk();
        return placed.orderNo();
    }
}
