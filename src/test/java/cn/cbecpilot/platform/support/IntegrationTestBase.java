package cn.cbecpilot.platform.support;

import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.customs.OutboxDispatcher;
import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The whole platform over real HTTP on a random port, on the JVM's one embedded PostgreSQL with the demo data. Every
 * integration test extends this, so they share one Spring context. The embedded single-window simulator answers; the
 * outbox dispatcher sends only when a test calls it, so that lifecycle tests decide which receipts an order gets.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.data-dir=",
            "platform.expiry-interval=1h",
            "platform.customs.dispatch.interval=1h",
            "server.address=127.0.0.1"
        })
@Import(IntegrationTestBase.TestClock.class)
public abstract class IntegrationTestBase {

    private static final String OPERATOR_PASSWORD = "clerk-password-1";
    private static final AtomicLong BUYERS = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private OutboxDispatcher outboxDispatcher;

    @BeforeEach
    void demoDataLoaded() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(this::everyPooledConnectionAnswers);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from operator") > 0);
    }

    /**
     * As many queries at once as the pool holds connections, all answered. The fault tests restart the JVM's one
     * database under every Spring context of the run; a context's pooled connections from before the restart fail
     * their validation once each and are dropped, so a test first works its context's pool through until every
     * connection it hands out is live. One query's failure lets the others finish rather than cancelling them midway
     * (a connection given back with its answer unread may never answer again), and an attempt that hangs gives up
     * after 10 s so that the next one runs.
     */
    protected boolean everyPooledConnectionAnswers() throws Exception {
        int connections = 12;
        return reactor.core.publisher.Flux.range(0, connections)
                        .flatMapDelayError(
                                i -> db.sql("select 1").map((r, m) -> 1).one(), connections, 1)
                        .count()
                        .toFuture()
                        .get(10, java.util.concurrent.TimeUnit.SECONDS)
                == connections;
    }

    protected long count(String sql) {
        return db.sql(sql).map((r, m) -> r.get(0, Long.class)).one().toFuture().join();
    }

    /** The units of the SKU that orders hold reserved in bond. */
    protected long reserved(String sku) {
        return count("select reserved from bond_stock_reserved where sku = '" + sku + "'");
    }

    /** How many orders are stored under the Idempotency-Key: 1, or 0 for a placement refused. */
    protected long ordersUnder(String idempotencyKey) {
        return count("select count(*) from customer_order where idempotency_key = '" + idempotencyKey + "'");
    }

    /** Waits until one placement's write waits on a row lock another transaction of the test holds. */
    protected void awaitAPlacementWaitingOnALock() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and query like 'with quota as (insert into buyer_quota%'")
                        == 1);
    }

    /** Places the order with the Idempotency-Key; answers the HTTP status. */
    protected static Mono<Integer> postOrder(WebClient client, String key, OrderRequests order) {
        return client.post()
                .uri("/api/orders")
                .header("Idempotency-Key", key)
                .bodyValue(order.body())
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()));
    }

    /** The first column of every row the query answers, as text, with {@code $1} bound to {@code parameter}. */
    protected List<String> texts(String sql, String parameter) {
        return db.sql(sql)
                .bind(0, parameter)
                .map((r, m) -> r.get(0, String.class))
                .all()
                .collectList()
                .toFuture()
                .join();
    }

    /**
     * Sets aside what other tests left unsent in the shared database, so that a round sends only this subject's
     * requests: left there, they crowd the transport's rate limit and go to this context's single window.
     */
    protected void setAsideUnsentExceptOf(String subjectNo) {
        db.sql("update customs_outbox set failed_at = now(), last_error = 'left by another test'"
                        + " where sent_at is null and failed_at is null and subject_no <> :subject")
                .bind("subject", subjectNo)
                .fetch()
                .rowsUpdated()
                .toFuture()
                .join();
    }

    /**
     * Runs outbox rounds until every request of the subject has left, as the scheduled dispatcher would over time; a
     * request the rate limiter or an open circuit turned back is made due again on this test's still clock.
     */
    protected void sendOutboxOf(String subjectNo) {
        setAsideUnsentExceptOf(subjectNo);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            db.sql("update customs_outbox set available_at = :now"
                            + " where subject_no = :subject and sent_at is null and failed_at is null")
                    .bind("now", clock.instant())
                    .bind("subject", subjectNo)
                    .fetch()
                    .rowsUpdated()
                    .toFuture()
                    .join();
            outboxDispatcher.dispatchDue().toFuture().join();
            return count("select count(*) from customs_outbox where subject_no = '" + subjectNo
                            + "' and sent_at is null and failed_at is null")
                    == 0;
        });
    }

    /** A buyer ID no other test uses. */
    protected static long nextBuyer() {
        return BUYERS.incrementAndGet() * 7919;
    }

    /** Places a lawful order of one unit of the SKU for a buyer no other test uses; answers its number. */
    protected String placeOrder(String sku) {
        Map<String, Object> order = http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(OrderRequests.anOrderRequest()
                        .line(sku, 1)
                        .buyer(nextBuyer())
                        .body())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (String) order.get("orderNo");
    }

    /** Creates an operator account with the role (through the administrator's API); answers its name. */
    protected String newOperator(String role) {
        String name = "clerk" + nextBuyer();
        operator()
                .post()
                .uri("/api/console/operators")
                .bodyValue(Map.of("username", name, "password", OPERATOR_PASSWORD, "roles", List.of(role)))
                .exchange()
                .expectStatus()
                .isCreated();
        return name;
    }

    /** A client signed in as an operator {@link #newOperator} created. */
    protected WebTestClient as(String operator) {
        return http.mutate()
                .defaultHeaders(h -> h.setBasicAuth(operator, OPERATOR_PASSWORD))
                .build();
    }

    /** A page's HTML as the client gets it, which must answer 200. */
    protected static String html(WebTestClient client, String uri, Object... variables) {
        return client.get()
                .uri(uri, variables)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** A page's HTML in the language asked for (Accept-Language), which must answer 200. */
    protected static String htmlIn(WebTestClient client, String language, String uri) {
        return client.get()
                .uri(uri)
                .header("Accept-Language", language)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    protected WebTestClient operator() {
        return http.mutate()
                .defaultHeaders(h -> h.setBasicAuth("operator", "operator"))
                .build();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now(), ZoneId.of("Asia/Shanghai"));
        }
    }

    /** Runs one statement on a connection of the test's own, outside the platform's pool, e.g. to hold a lock. */
    protected static void execute(Connection c, String sql) {
        Flux.from(c.createStatement(sql).execute())
                .flatMap(r -> r.getRowsUpdated())
                .then()
                .toFuture()
                .join();
    }

    /** Back to the pool with nothing of the test's left open, whether the test got to its commit or not. */
    protected static void closeRolledBack(Connection c) {
        execute(c, "rollback");
        Mono.from(c.close()).toFuture().join();
    }
}
