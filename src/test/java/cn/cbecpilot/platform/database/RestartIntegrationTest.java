package cn.cbecpilot.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.support.ExtractedPlatform;
import cn.cbecpilot.platform.support.PlatformProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;

/**
 * The platform keeps its data however it is started: run as docker/Dockerfile runs it (extracted, its JVM recording
 * a class-data archive when it stops) and then as the packaged jar, on one data directory, it finds the orders and
 * reference data of its first life after a graceful stop and after kill -9 alike, and loads the demo only once; the
 * third life starts from the archive the first one recorded.
 */
@Timeout(600)
class RestartIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Dockerfile's JVM options, as PlatformProcess gives them to the benchmark. */
    private static final List<String> PRODUCTION_JVM = List.of(PlatformProcess.PRODUCTION_JVM.split(" "));

    @Test
    void dataSurvivesAGracefulStopAndAKill() throws Exception {
        Path data = Files.createTempDirectory("platform-data");
        Path extractedInto = Files.createTempDirectory("platform-extracted");
        Path log = Path.of("..", "target", "app", "restart-it", "platform.log");
        Files.deleteIfExists(log);
        ExtractedPlatform extracted = ExtractedPlatform.into(extractedInto);

        String orderNo;
        String token;
        int products;
        try (PlatformProcess first = PlatformProcess.start(
                data, log, with(PRODUCTION_JVM, extracted.recording()), extracted.jar(), Map.of())) {
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

        // -Xshare:on: the JVM refuses to start unless it maps the archive
        assertThat(extracted.archiveSize())
                .as("class-data archive written at the graceful stop")
                .isPositive();
        List<String> archived = with(with(PRODUCTION_JVM, extracted.archived()), List.of("-Xshare:on"));
        try (PlatformProcess third = PlatformProcess.start(data, log, archived, extracted.jar(), Map.of())) {
            assertOrderKept(third, orderNo, token);
        }
        FileSystemUtils.deleteRecursively(data);
        FileSystemUtils.deleteRecursively(extractedInto);
    }

    /**
     * Stopped while it loads the demo, just after it is ready, the platform stops its embedded database only once the
     * application has closed, and cancels the load if it is still under way then, rather than failing on a database
     * that is shutting down; the next start finds the demo whole, or loads it.
     */
    @Test
    void aStopWhileTheDemoLoadsLogsNoErrorAndTheNextStartLoadsIt() throws Exception {
        Path data = Files.createTempDirectory("platform-data");
        Path log = Path.of("..", "target", "app", "restart-it", "stopped-while-loading.log");
        Files.deleteIfExists(log);
        try (PlatformProcess early = PlatformProcess.launch(data, log, List.of("-Xmx512m"), Map.of())) {
            early.awaitLogLine("Started OrderPlatformApplication", Duration.ofSeconds(120));
            early.stop();
            assertThat(early.logLines())
                    .as(
                            "no error on the way out (the demo's load either ends before the database stops or is cancelled)")
                    .noneMatch(line -> line.matches("^\\S+\\s+ERROR .*"));
        }
        try (PlatformProcess next = PlatformProcess.start(data, log)) {
            assertThat(JSON.readTree(next.get("/api/products", null).body()).size())
                    .as("demo catalogue")
                    .isGreaterThanOrEqualTo(10);
            String operator = "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes());
            // the demo's export lists are loaded beside the rest, and may come a moment after "UP"
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var answer = next.send("GET", "/api/console/export-lists", Map.of("Authorization", operator), null);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(JSON.readTree(answer.body()).findValuesAsText("exportListNo"))
                        .contains("DEMO-EL-RECENT", "DEMO-EL-OLD");
            });
        }
        FileSystemUtils.deleteRecursively(data);
    }

    /**
     * The Dockerfile's training start and its ENTRYPOINT run the JVM with the options the benchmark measures, so that
     * the archive recorded at build fits the start that maps it.
     */
    @Test
    void theImageRecordsItsArchiveWithTheOptionsItStartsWith() throws Exception {
        String dockerfile = Files.readString(Path.of("..", "docker", "Dockerfile"));
        Matcher training = Pattern.compile("PLATFORM_DATA_DIR=\\S+ java ([^&]*?) -XX:ArchiveClassesAtExit")
                .matcher(dockerfile);
        assertThat(training.find())
                .as("the training start in docker/Dockerfile")
                .isTrue();
        assertThat(List.of(training.group(1).replace("\\\n", " ").trim().split("\\s+")))
                .isEqualTo(PRODUCTION_JVM);
        Matcher entrypoint =
                Pattern.compile("ENTRYPOINT \\[(.*?)\\]", Pattern.DOTALL).matcher(dockerfile);
        assertThat(entrypoint.find()).as("the ENTRYPOINT of docker/Dockerfile").isTrue();
        List<String> started = Stream.of(
                        entrypoint.group(1).replace("\\\n", " ").split(","))
                .map(a -> a.trim().replace("\"", ""))
                .toList();
        assertThat(started)
                .containsSubsequence(PRODUCTION_JVM)
                .contains("-XX:SharedArchiveFile=/app/cds/platform.jsa")
                .endsWith("-jar", "/app/order-platform.jar");
        assertThat(dockerfile).contains("-XX:ArchiveClassesAtExit=/app/cds/platform.jsa");
    }

    private static List<String> with(List<String> options, List<String> more) {
        return Stream.concat(options.stream(), more.stream()).toList();
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
