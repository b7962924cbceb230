package cn.cbecpilot.platform.benchmark;

import cn.cbecpilot.platform.compliance.ResidentIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop placement driven by wrk, a load generator in C scripted in Lua ({@code place-orders.lua}): every request
 * a distinct lawful buyer with its own Idempotency-Key, as many in flight as it has connections. On two cores the load
 * generator takes its processor time from the platform and PostgreSQL; the JVM's HTTP client took 0.15-0.37 ms of it
 * per order, about a tenth of what an order cost the machine, and wrk with this JVM 0.07-0.13 ms, so the figure
 * measures the platform more and the client less. The open loop, lifecycles and receipts stay on the JVM's client: they
 * need a rate held constant or journeys of several steps, which wrk does not do.
 */
final class WrkPlacement {

    private static final Pattern RESULT =
            Pattern.compile("wrk-result placed=(\\d+) refused=(\\d+) broken=(\\d+) duration_us=(\\d+)");
    private static final Pattern LATENCY = Pattern.compile("wrk-latency p50=(\\d+) p99=(\\d+) max=(\\d+)");
    /** More buyers than wrk can place in a second on this kind of machine, so that a run never runs out of them. */
    private static final int BUYERS_PER_SECOND = 5_000;

    /** What a run measured, and the processor time wrk itself took. */
    record Run(LoadResult result, double wrkMillis) {}

    private final Path wrk;
    private final Path script;
    private final Path work;

    private WrkPlacement(Path wrk, Path script, Path work) {
        this.wrk = wrk;
        this.script = script;
        this.work = work;
    }

    /** wrk on the PATH, or a failure that says how to install it: checked first, not after minutes of warming up. */
    static Path installed() {
        return Programs.onPath("wrk")
                .orElseThrow(() -> new IllegalStateException(
                        "wrk not found: install Debian's wrk package (bash .ci/benchmark does)"));
    }

    /** Finds wrk on the PATH (bash .ci/benchmark installs Debian's) and puts the script where it can read it. */
    static WrkPlacement prepare(Path work) throws IOException {
        Path wrk = installed();
        Path script = work.resolve("place-orders.lua");
        try (InputStream in = WrkPlacement.class.getResourceAsStream("place-orders.lua")) {
            Files.write(script, in.readAllBytes());
        }
        return new WrkPlacement(wrk, script, work);
    }

    /**
     * Writes the buyers of a round of {@code duration} with {@code connections} in flight, numbered from {@code buyers}
     * (advanced past every number written, used or not); before the round, so that making them is not counted as the
     * load's processor time.
     */
    Path buyers(Duration duration, int connections, AtomicLong buyers) throws IOException {
        Path ids = work.resolve("buyers.txt");
        long count = Math.max(1, duration.toSeconds()) * BUYERS_PER_SECOND + connections;
        List<String> lines = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            lines.add(ResidentIds.unique(buyers.incrementAndGet()));
        }
        Files.write(ids, lines);
        return ids;
    }

    /** Places orders for {@code duration} with {@code connections} in flight, for the buyers written before. */
    Run place(String baseUrl, int connections, Duration duration, Path ids, String phase)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                wrk.toString(),
                "--threads",
                "1",
                "--connections",
                Integer.toString(connections),
                "--duration",
                duration.toSeconds() + "s",
                "--timeout",
                "10s",
                "--script",
                script.toString(),
                baseUrl,
                "--",
                ids.toString(),
                "bench-" + UUID.randomUUID() + "-");
        double childrenBefore = CpuTime.endedChildrenMillis();
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + command);
        }
        String out = output.join();
        double wrkMillis = CpuTime.endedChildrenMillis() - childrenBefore;
        Matcher result = RESULT.matcher(out);
        if (process.exitValue() != 0 || !result.find()) {
            throw new IllegalStateException("wrk failed: " + command + "\n" + out + "\n" + errors.join());
        }
        String complaints = errors.join();
        if (!complaints.isBlank()) {
            System.err.print(complaints);
        }
        Matcher latency = LATENCY.matcher(out);
        if (!latency.find()) {
            throw new IllegalStateException("wrk wrote no latencies:\n" + out);
        }
        long placed = Long.parseLong(result.group(1));
        long failed = Long.parseLong(result.group(2)) + Long.parseLong(result.group(3));
        return new Run(
                new LoadResult(
                        phase,
                        placed + failed,
                        failed,
                        Duration.ofNanos(Long.parseLong(result.group(4)) * 1000),
                        new LoadResult.Latency(
                                millis(latency.group(1)), millis(latency.group(2)), millis(latency.group(3))),
                        List.of()),
                wrkMillis);
    }

    private static double millis(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
