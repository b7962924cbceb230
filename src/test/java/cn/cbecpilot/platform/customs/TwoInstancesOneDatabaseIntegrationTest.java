package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.support.PlatformProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;

/**
 * Two packaged instances on one PostgreSQL outside them, as a deployment behind a load balancer runs: orders placed
 * through one and paid through the other all clear, each request of the shared outbox is sent once, and one buyer's
 * orders racing through both cannot pass the annual limit together.
 */
@Timeout(600)
class TwoInstancesOneDatabaseIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "two-instances-customs-token";
    private static final String OPERATOR =
            "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
    private static final int ORDERS = 12;
    private static final int GREEDY_ORDERS = 16;

    @Test
    void bothInstancesClearTheirOrdersSendEachRequestOnceAndHoldTheAnnualLimitTogether() throws Exception {
        Path data = Files.createTempDirectory("platform-two-instances");
        Path log = Path.of("..", "target", "app", "two-instances-it", "platform.log");
        Files.deleteIfExists(log);
        try {
            // the embedded mode initialises the cluster (migrations, demo data, operator); then it is shared
            try (PlatformProcess first = PlatformProcess.start(data, log)) {
                first.stop();
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setDataDirectory(data.resolve("postgres").toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start()) {
                Map<String, String> env = external(data, port);
                try (PlatformProcess a = PlatformProcess.start(data.resolve("a"), log, List.of("-Xmx384m"), env);
                        PlatformProcess b = PlatformProcess.start(data.resolve("b"), log, List.of("-Xmx384m"), env)) {
                    stockUp(a);
                    List<String[]> placed = placeThroughOnePayThroughTheOther(a, b);
                    long accepted = greedyBuyerThroughBoth(a, b);

                    await().atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> allReleased(a, placed));
                    assertThat(accepted)
                            .as("14 orders of 1,794.00 fit in 26,000, the 15th does not")
                            .isEqualTo(14);
                    checkTheDatabase(server);
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private static Map<String, String> external(Path data, int port) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Map.of(
                "DATABASE_URL",
                "postgresql://127.0.0.1:" + port + "/postgres",
                "CUSTOMS_INBOUND_TOKEN",
                TOKEN,
                "CUSTOMS_SIGNING_KEY_STORE",
                data.resolve("customs-signing-demo.p12").toString(),
                "CUSTOMS_SIGNING_KEY_PASSWORD",
                "embedded-demo",
                // the simulator takes what it is sent: no request of this run waits for the rate limiter's room
                "CUSTOMS_REQUESTS_PER_SECOND",
                "1000",
                // the demo key stays in the ring to open what the embedded start sealed, as after a key rotation
                "PLATFORM_DATA_KEYS",
                "demo:DzJuE7e8AIX0HuviO8SG1UKCcTI5FTIhXZj25oY+vgA=,run:"
                        + Base64.getEncoder().encodeToString(key),
                "PLATFORM_DATA_KEY_ID",
                "run",
                "PLATFORM_ID_HASH_KEY",
                "two-instances-id-hash-key-" + UUID.randomUUID());
    }

    private static void stockUp(PlatformProcess platform) throws Exception {
        for (String sku : List.of("DRG-LOR-10", "DEV-BAND-40")) {
            String lot = """
                    {"sku":"%s","batchNo":"TWO%d","expiry":"%s","quantity":1200}"""
                    .formatted(
                            sku, System.nanoTime() % 1_000_000, LocalDate.now().plusYears(2));
            HttpResponse<String> answer = platform.send(
                    "POST",
                    "/api/console/lots",
                    Map.of("Authorization", OPERATOR, "Content-Type", "application/json"),
                    lot);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
    }

    /** Each order placed through one instance and paid through the other: {orderNo, token}. */
    private static List<String[]> placeThroughOnePayThroughTheOther(PlatformProcess a, PlatformProcess b)
            throws Exception {
        List<String[]> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            PlatformProcess placing = i % 2 == 0 ? a : b;
            PlatformProcess paying = i % 2 == 0 ? b : a;
            String id = ResidentIds.unique(System.nanoTime() % 1_000_000 + i);
            HttpResponse<String> answer =
                    placing.postJson("/api/orders", UUID.randomUUID().toString(), order(id, "DRG-LOR-10", 1));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode order = JSON.readTree(answer.body());
            String orderNo = order.get("orderNo").asText();
            String token = order.get("orderToken").asText();
            HttpResponse<String> paid = paying.send(
                    "POST",
                    "/api/orders/" + orderNo + "/payment",
                    Map.of("Content-Type", "application/json", "X-Order-Token", token),
                    payment(orderNo, id, order.get("total").asText()));
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
            placed.add(new String[] {orderNo, token});
        }
        return placed;
    }

    /** One buyer sends sixteen orders of 60 plasters (1,794.00 each) at once, alternately through both. */
    private static long greedyBuyerThroughBoth(PlatformProcess a, PlatformProcess b) throws Exception {
        String id = ResidentIds.unique(System.nanoTime() % 1_000_000 + 777);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < GREEDY_ORDERS; i++) {
                PlatformProcess through = i % 2 == 0 ? a : b;
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return through.postJson(
                                                "/api/orders",
                                                UUID.randomUUID().toString(),
                                                order(id, "DEV-BAND-40", 60))
                                        .statusCode();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        pool));
            }
            List<Integer> statuses =
                    answers.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).as("accepted or refused by rule, nothing else").containsOnly(201, 422);
            return statuses.stream().filter(s -> s == 201).count();
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean allReleased(PlatformProcess platform, List<String[]> placed) throws Exception {
        for (String[] order : placed) {
            HttpResponse<String> answer = platform.get("/api/orders/" + order[0], order[1]);
            if (!"RELEASED".equals(JSON.readTree(answer.body()).get("status").asText())) {
                return false;
            }
        }
        return true;
    }

    private static void checkTheDatabase(EmbeddedPostgres server) throws SQLException {
        try (Connection db = server.getPostgresDatabase().getConnection();
                Statement sql = db.createStatement()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(sql, "select count(*) from customs_outbox where sent_at is null") == 0);
            assertThat(count(sql, "select count(*) from customs_outbox where failed_at is not null"))
                    .as("requests set aside")
                    .isZero();
            assertThat(count(sql, "select count(*) from customs_outbox where attempts > 1"))
                    .as("requests claimed by both instances")
                    .isZero();
            assertThat(count(sql, "select count(*) from customs_message where direction = 'OUT'"))
                    .as("one message sent per outbox row")
                    .isEqualTo(count(sql, "select count(*) from customs_outbox"));
            assertThat(count(sql, "select count(*) from buyer_quota where used > 26000"))
                    .isZero();
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String order(String idNumber, String sku, int quantity) {
        return """
                {"lines":[{"sku":"%s","quantity":%d}],
                 "buyer":{"name":"张三","idNumber":"%s","phone":"13812345678"},
                 "consignee":{"name":"张三","phone":"13812345678","address":"北京市朝阳区建国路88号"}}
                """
                .formatted(sku, quantity, idNumber);
    }

    private static String payment(String orderNo, String idNumber, String total) {
        return """
                {"payCode":"1101980004","transactionId":"T%s","payer":{"name":"张三","idNumber":"%s"},"amount":"%s"}
                """
                .formatted(orderNo, idNumber, total);
    }
}
