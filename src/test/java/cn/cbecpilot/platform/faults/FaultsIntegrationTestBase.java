package cn.cbecpilot.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.customs.OutboxDispatcher;
import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform delivering to a {@link SingleWindowFront} (one Spring context for every fault test), with what the
 * fault tests check: orders walked through the API, the outbox sent round after round as the scheduled dispatcher
 * would, and the stock and quota the orders hold.
 */
abstract class FaultsIntegrationTestBase extends IntegrationTestBase {

    static final String SKU = "DRG-LOR-10";
    /**
     * How long the platform waits for one answer of the single window here (CUSTOMS_CALL_TIMEOUT), named so that a
     * test of slow answers keeps its delay under it: an attempt that times out is tried again and sent twice.
     */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private static final int FRONT_PORT = freePort();
    private static SingleWindowFront singleWindow;

    @LocalServerPort
    private int port;

    @Value("${platform.customs.inbound-token}")
    private String inboundToken;

    @Autowired
    private List<ReceiptConsumer> consumers;

    @Autowired
    private OutboxDispatcher dispatcher;

    protected OrderJourneys journeys;

    @DynamicPropertySource
    static void deliverThroughTheFront(DynamicPropertyRegistry registry) {
        registry.add("platform.customs.single-window-url", () -> SingleWindowFront.submitUrl(FRONT_PORT));
        registry.add("platform.customs.http.call-timeout", CALL_TIMEOUT::toString);
    }

    @BeforeEach
    void singleWindowUp() {
        if (singleWindow == null) {
            URI receipts = URI.create("http://127.0.0.1:" + port + "/customs/receipts");
            singleWindow = SingleWindowFront.start(FRONT_PORT, receipts, inboundToken, clock);
        }
        singleWindow.up();
        journeys = new OrderJourneys(http, operator(), db, consumers);
    }

    @AfterAll
    static void stopSingleWindow() {
        if (singleWindow != null) {
            singleWindow.close();
            singleWindow = null;
        }
    }

    protected static SingleWindowFront singleWindow() {
        return singleWindow;
    }

    /** Places one unit of {@link #SKU} for a buyer of its own and pays it: DECLARED, its requests in the outbox. */
    protected String declaredOrder() {
        OrderJourneys.Placed placed = journeys.place(SKU, 1, nextBuyer());
        journeys.pay(placed).expectStatus().isOk();
        return placed.orderNo();
    }

    /** One dispatcher round, as the schedule runs it. */
    protected void dispatchOnce() {
        dispatchStarted().join();
    }

    /** One dispatcher round started without waiting for it; the future answers how many requests it delivered. */
    protected CompletableFuture<Long> dispatchStarted() {
        return dispatcher.dispatchDue().toFuture();
    }

    /**
     * Runs outbox rounds until every request of the orders has left, making those that wait for a later round due at
     * once; what other tests left unsent is set aside first.
     */
    protected void sendOutboxOf(List<String> orderNos, Duration atMost) {
        setAsideUnsentExceptOf(orderNos);
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            db.sql("update customs_outbox set available_at = $2 where subject_no = any($1) and sent_at is null")
                    .bind(0, orderNos.toArray(String[]::new))
                    .bind(1, clock.instant())
                    .then()
                    .toFuture()
                    .join();
            dispatchOnce();
            return unsentRequestsOf(orderNos) == 0;
        });
    }

    /** Sets aside what other tests left unsent, so that a round sends only the orders' requests. */
    protected void setAsideUnsentExceptOf(List<String> orderNos) {
        db.sql("update customs_outbox set failed_at = now(), last_error = 'left by another test'"
                        + " where sent_at is null and failed_at is null and not subject_no = any($1)")
                .bind(0, orderNos.toArray(String[]::new))
                .then()
                .toFuture()
                .join();
    }

    protected long unsentRequestsOf(List<String> orderNos) {
        return db.sql("select count(*) from customs_outbox where subject_no = any($1) and sent_at is null")
                .bind(0, orderNos.toArray(String[]::new))
                .map((r, m) -> r.get(0, Long.class))
                .one()
                .toFuture()
                .join();
    }

    /** Every request guid the outbox holds for the orders, each counted once. */
    protected Map<String, Long> eachRequestOnce(List<String> orderNos) {
        return db.sql("select guid from customs_outbox where subject_no = any($1)")
                .bind(0, orderNos.toArray(String[]::new))
                .map((r, m) -> r.get(0, String.class))
                .all()
                .collect(Collectors.toMap(Function.identity(), g -> 1L))
                .toFuture()
                .join();
    }

    protected void awaitReleased(List<String> orderNos) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> assertThat(orderNos.stream().map(journeys::status).toList())
                                .as("statuses of %s", orderNos)
                                .containsOnly("RELEASED"));
    }

    /** Units of {@link #SKU} reserved for orders, and those its lots still hold. */
    protected record Stock(long reserved, long inLots) {

        Stock plusReserved(int units) {
            return new Stock(reserved + units, inLots);
        }
    }

    protected Stock stock() {
        return db.sql("select s.reserved::bigint, (select coalesce(sum(l.remaining), 0) from lot l where l.sku = s.sku)"
                        + " from bond_stock_reserved s where s.sku = $1")
                .bind(0, SKU)
                .map((r, m) -> new Stock(r.get(0, Long.class), r.get(1, Long.class)))
                .one()
                .toFuture()
                .join();
    }

    /** Per order: what its buyer has used of the year's quota, less the dutiable value of the buyer's orders. */
    protected Map<String, BigDecimal> quotaBeyondOrders(List<String> orderNos) {
        return db.sql("select o.order_no, q.used - (select sum(b.dutiable_value) from customer_order b"
                        + " where b.buyer_id_hash = o.buyer_id_hash and b.quota_year = o.quota_year)"
                        + " from customer_order o join buyer_quota q"
                        + " on q.buyer_id_hash = o.buyer_id_hash and q.year = o.quota_year where o.order_no = any($1)")
                .bind(0, orderNos.toArray(String[]::new))
                .map((r, m) -> Map.entry(r.get(0, String.class), r.get(1, BigDecimal.class)))
                .all()
                .collectMap(Map.Entry::getKey, e -> e.getValue().stripTrailingZeros())
                .toFuture()
                .join();
    }

    protected static Map<String, BigDecimal> nothingBeyond(List<String> orderNos) {
        return orderNos.stream().collect(Collectors.toMap(Function.identity(), o -> BigDecimal.ZERO));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
