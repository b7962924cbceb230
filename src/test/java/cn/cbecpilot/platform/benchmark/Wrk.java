package cn.cbecpilot.platform.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load driven by wrk, a load generator in C scripted in Lua ({@code send-each.lua}): each request body of a file
 * POSTed once, in the file's order, as many in flight as wrk has connections, until the last is answered. The closed
 * loop of placement sends one body per distinct lawful buyer, each request with its own Idempotency-Key; the receipts
 * phase sends CEB622 messages as the single window pushes them. On two cores the load generator takes its processor
 * time from the platform and PostgreSQL: the JVM's HTTP client took 0.15-0.37 ms of it per order, about a tenth of
 * what an order cost the machine, and wrk with this JVM 0.07-0.13 ms; per receipt 0.14-0.15 ms against 0.04-0.05 ms.
 * The open loop and the lifecycles stay on the JVM's client: they need a rate held constant or journeys of several
 * steps, which wrk does not do.
 */
final class Wrk {

    private static final String SCRIPT = "send-each.lua";
    private static final Pattern RESULT = Pattern.compile(
            "wrk-result answered=(\\d+) unexpected=(\\d+) broken=(\\d+) all=(true|false) duration_us=(\\d+)");
    private static final Pattern LATENCY = Pattern.compile("wrk-latency p50=(\\d+) p99=(\\d+) max=(\\d+)");
    /** How long a run may take: this long, and a second more for every hundred requests. */
    private static final int SECONDS_AT_LEAST = 30;

    private static final int REQUESTS_PER_SECOND_AT_LEAST = 100;

    /**
     * What wrk sends: a POST to {@code path} of each body, answered as expected with {@code status}; {@code
     * authorization} the Authorization header, if any, and {@code ownKeys} whether each request carries an
     * Idempotency-Key of its own.
     */
    record Requests(String path, String contentType, int status, String authorization, boolean ownKeys) {}

    /** What a run measured, and the processor time wrk itself took. */
    record Run(LoadResult result, double wrkMillis) {}

    /** A file of request bodies, one a line, and how many it holds. */
    record Bodies(Path file, int count) {}

    private final Path wrk;
    private final Path work;

    private Wrk(Path wrk, Path work) {
        this.wrk = wrk;
        this.work = work;
    }

    /** wrk on the PATH, or a failure that says how to install it: checked first, not after minutes of warming up. */
    static Path installed() {
        return Programs.onPath("wrk")
                .orElseThrow(() -> new IllegalStateException(
                        "wrk not found: install Debian's wrk package (bash .ci/benchmark does)"));
    }

    /** Finds wrk on the PATH (bash .ci/benchmark installs Debian's) and puts the script where it can read it. */
    static Wrk prepare(Path work) throws IOException {
        Path wrk = installed();
        try (InputStream in = Wrk.class.getResourceAsStream(SCRIPT)) {
            Files.write(work.resolve(SCRIPT), in.readAllBytes());
        }
        return new Wrk(wrk, work);
    }

    /**
     * Writes the bodies of the next run, one a line; before the run, so that making them is not counted as the load's
     * processor time.
     */
    Bodies bodies(List<String> bodies) throws IOException {
        if (bodies.isEmpty() || bodies.stream().anyMatch(body -> body.contains("\n"))) {
            throw new IllegalArgumentException("wrk sends one body a line, and at least one");
        }
        Path file = work.resolve("bodies.txt");
        Files.write(file, bodies);
        return new Bodies(file, bodies.size());
    }

    /** Sends every body of the file {@link #bodies} wrote, with {@code connections} in flight. */
    Run send(String baseUrl, int connections, Bodies bodies, Requests requests, String phase)
            throws IOException, InterruptedException {
        long count = bodies.count();
        long seconds = SECONDS_AT_LEAST + count / REQUESTS_PER_SECOND_AT_LEAST;
        List<String> command = List.of(
                wrk.toString(),
                "--threads",
                "1",
                "--connections",
                Integer.toString(connections),
                "--duration",
                seconds + "s",
                "--timeout",
                "10s",
                "--script",
                work.resolve(SCRIPT).toString(),
                baseUrl,
                "--",
                bodies.file().toString(),
                requests.path(),
                Integer.toString(requests.status()),
                requests.contentType(),
                requests.authorization() == null ? "-" : requests.authorization(),
                requests.ownKeys() ? "bench-" + UUID.randomUUID() + "-" : "-");
        double childrenBefore = CpuTime.endedChildrenMillis();
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(seconds + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("wrk did not finish: " + command);
        }
        String out = output.join();
        double wrkMillis = CpuTime.endedChildrenMillis() - childrenBefore;
        String complaints = errors.join();
        Matcher result = RESULT.matcher(out);
        Matcher latency = LATENCY.matcher(out);
        if (process.exitValue() != 0 || !result.find() || !latency.find()) {
            throw new IllegalStateException("wrk failed: " + command + "\n" + out + "\n" + complaints);
        }
        if (!complaints.isBlank()) {
            System.err.print(complaints);
        }
        long answered = Long.parseLong(result.group(1));
        long unexpected = Long.parseLong(result.group(2));
        if (!Boolean.parseBoolean(result.group(4))) {
            System.err.printf(
                    "wrk ended after %d s with %d of %d answered (%s broken connections)%n",
                    seconds, answered, count, result.group(3));
        }
        return new Run(
                new LoadResult(
                        phase,
                        count,
                        count - answered + unexpected,
                        Duration.ofNanos(Long.parseLong(result.group(5)) * 1000),
                        new LoadResult.Latency(
                                millis(latency.group(1)), millis(latency.group(2)), millis(latency.group(3))),
                        List.of()),
                wrkMillis);
    }

    private static double millis(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }

    private static String read(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
