package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.support.PlatformProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged platform killed ({@code kill -9}) after an order's declaration was committed but before the outbox
 * was sent: started again, it sends every request exactly once and the order reaches the state customs answers.
 */
@Timeout(600)
class CrashBeforeDispatchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR =
            "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));

    @Test
    void sendsWhatTheOutboxHeldWhenTheAppDiedAndNothingTwice() throws Exception {
        Path data = Files.createTempDirectory("platform-crash");
        Path log = Path.of("..", "target", "app", "crash-it", "platform.log");
        Files.deleteIfExists(log);
        String orderNo;
        String token;
        List<String> holdTheOutbox = List.of("-Xmx512m", "-Dplatform.customs.dispatch.interval=1h");
        try (PlatformProcess first = PlatformProcess.start(data, log, holdTheOutbox, Map.of())) {
            String idNumber = ResidentIds.unique(System.nanoTime() % 1_000_000);
            var placed = first.postJson("/api/orders", UUID.randomUUID().toString(), order(idNumber));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            JsonNode order = JSON.readTree(placed.body());
            orderNo = order.get("orderNo").asText();
            token = order.get("orderToken").asText();
            var paid = first.send(
                    "POST",
                    "/api/orders/" + orderNo + "/payment",
                    json(token),
                    payment(orderNo, idNumber, order.get("total").asText()));
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
            assertThat(status(first, orderNo, token)).isEqualTo("DECLARED");
            assertThat(sentMessages(first, orderNo))
                    .as("nothing left before the crash")
                    .isEmpty();
            first.kill();
        }

        try (PlatformProcess second = PlatformProcess.start(data, log)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> "RELEASED".equals(status(second, orderNo, token)));
            List<String> sent = sentMessages(second, orderNo);
            assertThat(sent).contains("CEB311", "CEB621");
            assertThat(new HashSet<>(guidsSent(second, orderNo))).hasSameSizeAs(guidsSent(second, orderNo));
            assertThat(sent).as("each request sent once").doesNotHaveDuplicates();
        }
        FileSystemUtils.deleteRecursively(data);
    }

    private static String status(PlatformProcess platform, String orderNo, String token) throws Exception {
        return JSON.readTree(platform.get("/api/orders/" + orderNo, token).body())
                .get("status")
                .asText();
    }

    private static List<String> sentMessages(PlatformProcess platform, String orderNo) throws Exception {
        return outbound(platform, orderNo).stream()
                .map(m -> m.get("type").asText())
                .toList();
    }

    private static List<String> guidsSent(PlatformProcess platform, String orderNo) throws Exception {
        return outbound(platform, orderNo).stream()
                .map(m -> m.get("guid").asText())
                .toList();
    }

    private static List<JsonNode> outbound(PlatformProcess platform, String orderNo) throws Exception {
        var answer = platform.send(
                "GET", "/api/console/orders/" + orderNo + "/messages", Map.of("Authorization", OPERATOR), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        JSON.readTree(answer.body()).forEach(m -> {
            if ("OUT".equals(m.get("direction").asText())) {
                out.add(m);
            }
        });
        return out;
    }

    private static Map<String, String> json(String token) {
        return Map.of("Content-Type", "application/json", "X-Order-Token", token);
    }

    private static String order(String idNumber) {
        return """
                {"lines":[{"sku":"DRG-LOR-10","quantity":1}],
                 "buyer":{"name":"张三","idNumber":"%s","phone":"13812345678"},
                 "consignee":{"name":"张三","phone":"13812345678","address":"北京市朝阳区建国路88号"}}
                """
                .formatted(idNumber);
    }

    private static String payment(String orderNo, String idNumber, String total) {
        return """
                {"payCode":"1101980004","transactionId":"T%s","payer":{"name":"张三","idNumber":"%s"},"amount":"%s"}
                """
                .formatted(orderNo, idNumber, total);
    }
}
