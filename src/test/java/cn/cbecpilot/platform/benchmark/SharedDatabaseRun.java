package cn.cbecpilot.platform.benchmark;

import cn.cbecpilot.platform.database.ServerSettings;
import cn.cbecpilot.platform.support.PlatformProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two platform instances on one PostgreSQL server outside them (the cluster the embedded runs initialised, started
 * here on its own), both taking whole journeys and, at the same moment, buyers who try to spend past the annual
 * limit through both. Afterwards the database must show that the rules, the outbox and the receipts held.
 */
final class SharedDatabaseRun {

    private static final String RUN_DATA_KEY = newKey();

    static final int GREEDY_BUYERS = 20;
    static final int GREEDY_ORDERS = 16;
    private static final String INBOUND_TOKEN = "benchmark-customs-token";

    private final Path data;
    private final Path log;
    private final List<String> jvm;
    private final Path jar;
    private final Report report;
    private final AtomicLong buyers;

    SharedDatabaseRun(Path data, Path log, List<String> jvm, Path jar, Report report, AtomicLong buyers) {
        this.data = data;
        this.log = log;
        this.jvm = jvm;
        this.jar = jar;
        this.report = report;
        this.buyers = buyers;
    }

    void run(int lifecyclesPerInstance, int inFlight) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectory(data.resolve("postgres").toAbsolutePath())
                .setCleanDataDirectory(false)
                .setPort(port);
        ServerSettings.EMBEDDED.forEach(builder::setServerConfig);
        try (EmbeddedPostgres server = builder.start()) {
            Map<String, String> env = Map.of(
                    "DATABASE_URL",
                    "postgresql://127.0.0.1:" + port + "/postgres",
                    "CUSTOMS_INBOUND_TOKEN",
                    INBOUND_TOKEN,
                    "CUSTOMS_SIGNING_KEY_STORE",
                    data.resolve("customs-signing-demo.p12").toString(),
                    "CUSTOMS_SIGNING_KEY_PASSWORD",
                    "embedded-demo",
                    "CUSTOMS_SIMULATOR_RECEIPT_DELAY",
                    "0ms",
                    "CUSTOMS_REQUESTS_PER_SECOND",
                    PlatformBenchmark.SIMULATOR_REQUESTS_PER_SECOND,
                    // outside embedded mode the demo keys are refused: a key of the run's own, the embedded runs'
                    // demo key kept in the ring to open what they sealed, as a key rotation would
                    "PLATFORM_DATA_KEYS",
                    "demo:DzJuE7e8AIX0HuviO8SG1UKCcTI5FTIhXZj25oY+vgA=,bench:" + RUN_DATA_KEY,
                    "PLATFORM_DATA_KEY_ID",
                    "bench",
                    "PLATFORM_ID_HASH_KEY",
                    "benchmark-run-id-hash-key-" + RUN_DATA_KEY);
            try (PlatformProcess a = PlatformProcess.start(data.resolve("a"), log, jvm, jar, env);
                    PlatformProcess b = PlatformProcess.start(data.resolve("b"), log, jvm, jar, env);
                    Journeys toA = new Journeys(a.baseUrl(), 256, INBOUND_TOKEN);
                    Journeys toB = new Journeys(b.baseUrl(), 256, INBOUND_TOKEN)) {
                Journeys.Failures failures = new Journeys.Failures();
                AtomicLong refusedOverLimit = new AtomicLong();
                AtomicLong greedyAccepted = new AtomicLong();
                long started = System.nanoTime();
                Mono<Long> journeys = Flux.range(0, 2 * lifecyclesPerInstance)
                        .flatMap(
                                i -> failures.swallow((i % 2 == 0 ? toA : toB).lifecycle(buyers.incrementAndGet())),
                                inFlight)
                        .count();
                long greedyBase = buyers.addAndGet(GREEDY_BUYERS) - GREEDY_BUYERS;
                Mono<Long> greedy = Flux.range(0, GREEDY_BUYERS * GREEDY_ORDERS)
                        .flatMap(
                                i -> (i % 2 == 0 ? toA : toB)
                                        .place(greedyBase + i % GREEDY_BUYERS, "DEV-BAND-40", 60)
                                        .doOnNext(o -> greedyAccepted.incrementAndGet())
                                        .onErrorResume(e -> e instanceof Journeys.Refused r && r.status == 422, e -> {
                                            refusedOverLimit.incrementAndGet();
                                            return Mono.empty();
                                        }),
                                32)
                        .count();
                long done =
                        Mono.zip(journeys, greedy).block(Duration.ofHours(1)).getT1();
                double elapsed = (System.nanoTime() - started) / 1e9;
                report.add(
                        "two instances on one PostgreSQL: %d journeys split between them, %d in flight"
                                        .formatted(2 * lifecyclesPerInstance, inFlight)
                                + ", with %d buyers each trying %d orders of 60 × 29.90 through both"
                                        .formatted(GREEDY_BUYERS, GREEDY_ORDERS),
                        "%.0f lifecycles/s, %d failed; greedy orders: %d accepted, %d refused (422)",
                        done / elapsed,
                        failures.count(),
                        greedyAccepted.get(),
                        refusedOverLimit.get());
                report.failed(failures.count());
                check(server, refusedOverLimit.get());
            }
        }
    }

    /** What must hold however the two instances interleaved. */
    private void check(EmbeddedPostgres server, long refused) throws SQLException, InterruptedException {
        try (Connection db = server.getPostgresDatabase().getConnection();
                Statement sql = db.createStatement()) {
            // the outbox of the last journeys may still be leaving; both dispatchers run every 200 ms
            try {
                org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(30))
                        .pollInterval(java.time.Duration.ofMillis(200))
                        .until(() -> count(
                                        sql,
                                        "select count(*) from customs_outbox where sent_at is null and"
                                                + " failed_at is null")
                                == 0);
            } catch (org.awaitility.core.ConditionTimeoutException stillLeaving) {
                // reported below as unsent rows
            }
            long unsent = count(sql, "select count(*) from customs_outbox where sent_at is null and failed_at is null");
            long overLimit = count(sql, "select count(*) from buyer_quota where used > 26000");
            long failed = count(sql, "select count(*) from customs_outbox where failed_at is not null");
            long resent = count(sql, "select count(*) from customs_outbox where attempts > 1");
            try (ResultSet again = sql.executeQuery("select message_type, attempts, count(*) from customs_outbox"
                    + " where attempts > 1 group by 1, 2 order by 3 desc limit 8")) {
                while (again.next()) {
                    System.out.printf(
                            "claimed more than once: %s × %d attempts: %d rows%n",
                            again.getString(1), again.getInt(2), again.getLong(3));
                }
            }
            long outboxRows = count(sql, "select count(*) from customs_outbox");
            long sentMessages = count(sql, "select count(*) from customs_message where direction = 'OUT'");
            long stateMismatch = count(
                    sql,
                    "select count(*) from customer_order o where o.status <> 'PENDING_PAYMENT' and"
                            + " (exists (select 1 from order_receipt r where r.order_no = o.order_no"
                            + " and r.message_type = 'CEB622' and r.return_status = '800'))"
                            + " <> (o.status in ('RELEASED', 'OUT_OF_BOND', 'IN_TRANSIT', 'DELIVERED'))");
            report.add(
                    "checks after the two-instance run",
                    "buyers over 26,000 CNY: %d (greedy orders refused: %d);"
                            + " outbox rows %d, unsent %d, set aside %d, claimed more than once %d, messages"
                            + " sent %d; orders whose state disagrees with their CEB622 800 receipt: %d",
                    overLimit,
                    refused,
                    outboxRows,
                    unsent,
                    failed,
                    resent,
                    sentMessages,
                    stateMismatch);
            report.failed(overLimit + unsent + failed + stateMismatch + (sentMessages == outboxRows ? 0 : 1));
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
