package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.platform.config.PlatformProperties;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderRequests;
import cn.cbecpilot.platform.support.ReferenceData;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What a placement costs the database beyond its own rows: PostgreSQL keeps the plan of its read rather than planning
 * each execution anew, and it locks none of the reference rows every concurrent order names (platform, seller,
 * product), which are kept for good instead.
 */
class PlacementStatementsIntegrationTest extends IntegrationTestBase {

    @Autowired
    ConnectionFactory connections;

    @Autowired
    PlatformProperties properties;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void theReadIsPlannedOnceItHasRunAFewTimesOnAConnection(int skus) {
        String sql = PlacementStatements.read(skus);
        String buyer = "%064d".formatted(nextBuyer());

        // a pooled connection may have run the statement for earlier placements: what counts is what these runs add
        List<Long> plans = Mono.usingWhen(
                        connections.create(),
                        c -> plansOf(c, sql).flatMap(before -> Flux.range(0, 12)
                                .concatMap(i -> run(c, sql, buyer, skus))
                                .then(plansOf(c, sql))
                                .map(after -> List.of(after.get(0) - before.get(0), after.get(1) - before.get(1)))),
                        Connection::close)
                .toFuture()
                .join();

        // PostgreSQL plans the first five executions for their parameters, then compares the kept plan's cost
        long generic = plans.get(0);
        long custom = plans.get(1);
        assertThat(generic + custom).isEqualTo(12);
        assertThat(generic).as("executions that ran the kept plan").isGreaterThanOrEqualTo(7);
    }

    private static Mono<Long> run(Connection c, String sql, String buyer, int skus) {
        var statement = c.createStatement(sql)
                .bind(0, buyer)
                .bind(1, 2026)
                .bind(2, LocalDate.of(2026, 12, 5))
                .bind(3, UUID.randomUUID().toString());
        for (int i = 0; i < skus; i++) {
            statement.bind(4 + i, "SKU-" + i);
        }
        return Flux.from(statement.execute())
                .flatMap(result -> result.map((row, meta) -> 1))
                .count();
    }

    /** Kept-plan and fresh-plan executions of the statement on the connection so far (none before its first). */
    private static Mono<List<Long>> plansOf(Connection c, String sql) {
        return Flux.from(c.createStatement(
                                "select generic_plans, custom_plans from pg_prepared_statements where statement = $1")
                        .bind(0, sql)
                        .execute())
                .flatMap(result -> result.map((row, meta) ->
                        List.of(row.get("generic_plans", Long.class), row.get("custom_plans", Long.class))))
                .singleOrEmpty()
                .defaultIfEmpty(List.of(0L, 0L));
    }

    @Test
    void placingAnOrderWaitsOnNoLockOfThePlatformSellerOrProductItNames() {
        String sku = new ReferenceData(operator()).drugInStock("对乙酰氨基酚片", "35.00", 10);
        String seller = sellerOf(sku);

        // another transaction holds every reference row the order names, as an operator's edit would
        String placed = Mono.usingWhen(
                        connections.create(),
                        c -> Mono.from(c.beginTransaction())
                                .then(lock(
                                        c,
                                        "select 1 from enterprise where code in ($1, $2) for update",
                                        seller,
                                        properties.platformCode()))
                                .then(lock(c, "select 1 from product where sku = $1 for update", sku))
                                .then(Mono.fromCallable(() -> placeOrder(sku))
                                        .subscribeOn(Schedulers.boundedElastic())
                                        .timeout(Duration.ofSeconds(10))),
                        c -> Mono.from(c.rollbackTransaction()).then(Mono.from(c.close())))
                .toFuture()
                .join();

        assertThat(placed).startsWith("CB");
    }

    @Test
    void aPlatformSellerOrProductThatOrdersNameIsNeitherDeletedNorRenamed() {
        String sku = new ReferenceData(operator()).drugInStock("氯雷他定片", "42.00", 10);
        placeOrder(sku);
        String seller = sellerOf(sku);

        assertThatThrownBy(() -> execute("delete from product where sku = $1", sku))
                .hasMessageContaining("product " + sku + " is kept for the orders that name it");
        assertThatThrownBy(() -> execute("update product set sku = sku || 'X' where sku = $1", sku))
                .hasMessageContaining("cannot be deleted or renamed");
        assertThatThrownBy(() -> execute("delete from enterprise where code = $1", seller))
                .hasMessageContaining("enterprise " + seller + " is kept");
        assertThatThrownBy(() -> execute("update enterprise set code = 'X' || code where code = $1", seller))
                .hasMessageContaining("enterprise " + seller + " is kept");
        // what is not its code still changes
        execute("update product set name = name where sku = $1", sku);
        assertThat(count("select count(*) from product where sku = '" + sku + "'"))
                .isOne();
    }

    private String sellerOf(String sku) {
        return db.sql("select seller_code from product where sku = $1")
                .bind(0, sku)
                .map((r, m) -> r.get(0, String.class))
                .one()
                .toFuture()
                .join();
    }

    private void execute(String sql, String code) {
        db.sql(sql).bind(0, code).fetch().rowsUpdated().toFuture().join();
    }

    private Mono<Void> lock(Connection c, String sql, String... codes) {
        var statement = c.createStatement(sql);
        for (int i = 0; i < codes.length; i++) {
            statement.bind(i, codes[i]);
        }
        return Flux.from(statement.execute())
                .flatMap(result -> result.map((row, meta) -> 1))
                .then();
    }

    /**
     * The buyer's quota changes between a placement's read and its write (an operator's correction here; another of the
     * buyer's orders in life): the write notices, writes nothing, and the placement reads and checks again, which now
     * refuses the order that the first read would have let over the annual limit.
     */
    @Test
    void anOrderWhoseQuotaChangedSinceItsReadIsCheckedAgainstTheQuotaAsItIsNow() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬片", "2990.00", 10);
        long buyer = nextBuyer();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        assertThat(post(client, anOrderRequest().line(sku, 1).buyer(buyer)).block(Duration.ofSeconds(10)))
                .isEqualTo(201);
        String buyerHash = db.sql("select buyer_id_hash from customer_order o join order_line l using (order_no)"
                        + " where l.sku = $1")
                .bind(0, sku)
                .map((r, m) -> r.get(0, String.class))
                .one()
                .toFuture()
                .join();
        String key = UUID.randomUUID().toString();

        Integer status = Mono.usingWhen(
                        connections.create(),
                        c -> Mono.from(c.beginTransaction())
                                .then(lock(
                                        c, "select 1 from buyer_quota where buyer_id_hash = $1 for update", buyerHash))
                                .then(Mono.zip(
                                                postOrder(
                                                        client,
                                                        key,
                                                        anOrderRequest()
                                                                .line(sku, 1)
                                                                .buyer(buyer)),
                                                Mono.fromRunnable(this::awaitAPlacementWaitingOnALock)
                                                        .subscribeOn(Schedulers.boundedElastic())
                                                        .then(lock(
                                                                c,
                                                                "update buyer_quota set used = used + 23000,"
                                                                        + " version = version + 1"
                                                                        + " where buyer_id_hash = $1",
                                                                buyerHash))
                                                        .then(Mono.from(c.commitTransaction()))
                                                        .thenReturn(true))
                                        .map(t -> t.getT1())),
                        Connection::close)
                .block(Duration.ofSeconds(30));

        // 2,990.00 + 23,000.00 used; one more 2,990.00 would pass the 26,000.00 of the year
        assertThat(status).isEqualTo(422);
        assertThat(ordersUnder(key)).isZero();
        assertThat(reserved(sku)).isOne();
    }

    /**
     * A client resending one order many times at once (a retrying app, a double-clicking buyer): every request answers
     * the one order, and none holds a pooled connection while it waits for another, which with more requests than
     * connections would leave them all waiting.
     */
    @Test
    void manyReplaysOfOneOrderAtOnceAllAnswerIt() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬片", "68.00", 10);
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        OrderRequests order = anOrderRequest().line(sku, 1).buyer(nextBuyer());
        String key = UUID.randomUUID().toString();
        assertThat(postOrder(client, key, order).block(Duration.ofSeconds(10))).isEqualTo(201);

        List<Integer> statuses = Flux.range(0, 48)
                .flatMap(i -> postOrder(client, key, order), 48)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(48).containsOnly(201);
        assertThat(ordersUnder(key)).isOne();
        assertThat(reserved(sku)).isOne();
    }

    private static Mono<Integer> post(WebClient client, OrderRequests order) {
        return postOrder(client, UUID.randomUUID().toString(), order);
    }
}
