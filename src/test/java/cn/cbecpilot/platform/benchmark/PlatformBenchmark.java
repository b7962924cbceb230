package cn.cbecpilot.platform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.support.PlatformProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;

/**
 * The platform's figures on this machine. Each phase runs against the packaged jar started as its own process on a
 * fresh embedded database; the figures go to standard output and to {@code target/app/benchmark/report.md}.
 *
 * <p>Knobs (system properties): {@code benchmark.orders} placed in the closed-loop phase, {@code benchmark.concurrency}
 * in-flight requests there, {@code benchmark.rate} and {@code benchmark.seconds} for the open-loop latency phase,
 * {@code benchmark.pgbench-seconds}.
 */
@Timeout(3600)
class PlatformBenchmark {

    private static final String[] SKUS = {"DRG-LOR-10", "DRG-IBU-200", "DEV-BAND-40", "DRG-OME-20"};

    private final int orders = Integer.getInteger("benchmark.orders", 20_000);
    private final int concurrency = Integer.getInteger("benchmark.concurrency", 64);
    private final int rate = Integer.getInteger("benchmark.rate", 1_000);
    private final int seconds = Integer.getInteger("benchmark.seconds", 30);
    private final int pgbenchSeconds = Integer.getInteger("benchmark.pgbench-seconds", 30);
    private final List<String> jvm =
            List.of(System.getProperty("benchmark.jvm", "-Xmx512m -XX:+UseG1GC").split(" "));

    @Test
    void measure() throws Exception {
        Path out = Path.of("..", "target", "app", "benchmark");
        Files.createDirectories(out);
        Path log = out.resolve("platform.log");
        Files.deleteIfExists(log);
        List<String> report = new ArrayList<>();
        report.add("| figure | value |");
        report.add("|---|---|");

        double pgbench = PgbenchCeiling.measure(10, 16, Duration.ofSeconds(pgbenchSeconds));
        report.add("| pgbench TPC-B (scale 10, 16 clients, %d s) | %.0f tps |".formatted(pgbenchSeconds, pgbench));

        Path data = Files.createTempDirectory("platform-benchmark");
        try {
            try (PlatformProcess first = PlatformProcess.start(data, log, jvm, Map.of())) {
                report.add("| first start to healthy (initdb, migrations, demo data) | %.1f s |"
                        .formatted(first.startup().toMillis() / 1000.0));
                first.stop();
            }
            try (PlatformProcess platform = PlatformProcess.start(data, log, jvm, Map.of());
                    MemoryWatch memory = new MemoryWatch(platform.pid())) {
                report.add("| start to healthy, database initialised | %.1f s |"
                        .formatted(platform.startup().toMillis() / 1000.0));
                stockUp(platform, orders * 2L + rate * (long) seconds + 10_000);
                report.add("| resident memory after start | %d MB |".formatted(memory.current() / 1024));

                try (LoadGenerator load = new LoadGenerator(platform.baseUrl(), concurrency)) {
                    AtomicLong buyer = new AtomicLong(1_000_000);
                    load.closedLoop("warm-up", 3_000, concurrency, i -> order(buyer.incrementAndGet()));

                    LoadResult placement = load.closedLoop(
                            "placement, closed loop", orders, concurrency, i -> order(buyer.incrementAndGet()));
                    System.out.println(placement);
                    report.add("| order placement, %d orders, %d in flight | **%.0f orders/s** (%.0f%% of pgbench),"
                                    .formatted(
                                            orders,
                                            concurrency,
                                            placement.throughput(),
                                            100 * placement.throughput() / pgbench)
                            + " p50 %.1f ms, p99 %.1f ms, %d failed |"
                                    .formatted(
                                            placement.percentileMillis(50),
                                            placement.percentileMillis(99),
                                            placement.failures()));

                    LoadResult offered = load.openLoop(
                            "placement, open loop",
                            rate,
                            Duration.ofSeconds(seconds),
                            i -> order(buyer.incrementAndGet()));
                    System.out.println(offered);
                    report.add("| order placement at %d orders/s offered for %d s | p50 %.1f ms, **p99 %.1f ms**,"
                                    .formatted(
                                            rate, seconds, offered.percentileMillis(50), offered.percentileMillis(99))
                            + " max %.1f ms, %d failed |"
                                    .formatted(offered.latency().getMaxValue() / 1000.0, offered.failures()));
                    assertThat(placement.failures() + offered.failures())
                            .as("every lawful order is accepted")
                            .isZero();
                }
                report.add("| peak resident memory under load | %d MB |".formatted(memory.peak() / 1024));
            }
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }

        String text = String.join("\n", report) + "\n";
        Files.writeString(out.resolve("report.md"), text);
        System.out.println(text);
    }

    private static LoadGenerator.Call order(long buyer) {
        String sku = SKUS[(int) (buyer % SKUS.length)];
        String body =
                """
                {"lines":[{"sku":"%s","quantity":1}],\
                "buyer":{"name":"王五","idNumber":"%s","phone":"13912345678"},\
                "consignee":{"name":"王五","phone":"13912345678","address":"北京市东城区东长安街1号"}}"""
                        .formatted(sku, ResidentIds.unique(buyer));
        return new LoadGenerator.Call("/api/orders", UUID.randomUUID().toString(), body, 201);
    }

    /** Puts enough goods in bond for every order the run will place. */
    private static void stockUp(PlatformProcess platform, long units) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String auth =
                "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
        long perSku = units / SKUS.length + 1;
        for (String sku : SKUS) {
            String body = """
                    {"sku":"%s","batchNo":"BENCH%d","expiry":"%s","quantity":%d}"""
                    .formatted(
                            sku, System.nanoTime() % 1_000_000, LocalDate.now().plusYears(2), perSku);
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/console/lots"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofMinutes(10))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
    }

    /** Samples the resident set size of a process from /proc, keeping the peak. */
    private static final class MemoryWatch implements AutoCloseable {

        private final Path status;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peakKb = new AtomicLong();

        MemoryWatch(long pid) {
            this.status = Path.of("/proc", Long.toString(pid), "status");
            sampler.scheduleAtFixedRate(
                    () -> peakKb.accumulateAndGet(current(), Math::max), 0, 200, TimeUnit.MILLISECONDS);
        }

        long current() {
            try {
                return Files.readAllLines(status).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .map(line -> line.replaceAll("[^0-9]", ""))
                        .mapToLong(Long::parseLong)
                        .findFirst()
                        .orElse(0);
            } catch (IOException processGone) {
                return 0;
            }
        }

        long peak() {
            return peakKb.get();
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }
}
