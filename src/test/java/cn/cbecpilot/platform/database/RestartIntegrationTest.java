package cn.cbecpilot.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.support.PlatformProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;

/**
 * The default command keeps its data: the packaged platform, started twice on one data directory, finds the orders
 * and reference data of its first life, after a graceful stop and after kill -9 alike, and loads the demo only once.
 */
@Timeout(600)
class RestartIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dataSurvivesAGracefulStopAndAKill() throws Exception {
        Path data = Files.createTempDirectory("platform-data");
        Path log = Path.of("..", "target", "app", "restart-it", "platform.log");
        Files.deleteIfExists(log);

        String orderNo;
        String token;
        int products;
        try (PlatformProcess first = PlatformProcess.start(data, log)) {
            products = JSON.readTree(first.get("/api/products", null).body()).size();
            assertThat(products).as("demo catalogue").isGreaterThanOrEqualTo(10);
            var placed = first.postJson("/api/orders", UUID.randomUUID().toString(), order());
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(placed.body());
            orderNo = body.get("orderNo").asText();
            token = body.get("orderToken").asText();
            first.stop();
        }

        try (PlatformProcess second = PlatformProcess.start(data, log)) {
            assertOrderKept(second, orderNo, token);
            assertThat(JSON.readTree(second.get("/api/products", null).body()).size())
                    .as("demo data is loaded once, not again on restart")
                    .isEqualTo(products);
            second.kill();
        }

        try (PlatformProcess third = PlatformProcess.start(data, log)) {
            assertOrderKept(third, orderNo, token);
        }
        FileSystemUtils.deleteRecursively(data);
    }

    private static void assertOrderKept(PlatformProcess platform, String orderNo, String token) throws Exception {
        var read = platform.get("/api/orders/" + orderNo, token);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("orderNo").asText()).isEqualTo(orderNo);
    }

    private static String order() {
        return """
                {"lines":[{"sku":"DRG-IBU-200","quantity":2}],
                 "buyer":{"name":"李四","idNumber":"%s","phone":"13912345678"},
                 "consignee":{"name":"李四","phone":"13912345678","address":"北京市海淀区中关村大街1号"}}
                """
                .formatted(ResidentIds.unique(777));
    }
}
