package cn.cbecpilot.platform.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged platform run as its own process, the way an operator starts it with {@code java -jar}. */
public final class PlatformProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private Duration startup;
    private long launched;
    private long logged;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PlatformProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The JVM options docker/Dockerfile runs the platform with, which keep its resident memory under 768 MB: a heap
     * of 384 MB (the live set under load is a third of it) and bounded metaspace, code cache, thread stacks and
     * direct buffers; MALLOC_ARENA_MAX=2 in the environment keeps glibc from growing an arena per thread.
     */
    public static final String PRODUCTION_JVM = "-Xmx384m -XX:+UseG1GC -XX:MaxMetaspaceSize=192m"
            + " -XX:ReservedCodeCacheSize=96m -Xss512k -XX:MaxDirectMemorySize=128m";

    public static PlatformProcess start(Path dataDirectory, Path log) throws IOException, InterruptedException {
        return start(dataDirectory, log, List.of("-Xmx512m"), Map.of());
    }

    /** Starts the packaged jar with the given JVM options and extra environment, and waits until it is healthy. */
    public static PlatformProcess start(Path dataDirectory, Path log, List<String> jvmOptions, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(dataDirectory, log, jvmOptions, packagedJar(), env);
    }

    /** {@link #start(Path, Path, List, Map)} of another jar, such as the packaged one {@link ExtractedPlatform extracted}. */
    public static PlatformProcess start(
            Path dataDirectory, Path log, List<String> jvmOptions, Path jar, Map<String, String> env)
            throws IOException, InterruptedException {
        PlatformProcess platform = launch(dataDirectory, log, jvmOptions, jar, env);
        platform.awaitHealthy();
        platform.startup = Duration.ofNanos(System.nanoTime() - platform.launched);
        return platform;
    }

    /** Starts the packaged jar and returns at once, before it listens. */
    public static PlatformProcess launch(Path dataDirectory, Path log, List<String> jvmOptions, Map<String, String> env)
            throws IOException {
        return launch(dataDirectory, log, jvmOptions, packagedJar(), env);
    }

    private static PlatformProcess launch(
            Path dataDirectory, Path log, List<String> jvmOptions, Path jar, Map<String, String> env)
            throws IOException {
        assertThat(jar).as("the platform's jar").isRegularFile();
        int port = freePort();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("benchmark.java-home", System.getProperty("java.home")), "bin", "java")
                .toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("PLATFORM_DATA_DIR", dataDirectory.toString());
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        long logged = Files.exists(log) ? Files.size(log) : 0;
        long launched = System.nanoTime();
        PlatformProcess platform = new PlatformProcess(builder.start(), port, log);
        platform.launched = launched;
        platform.logged = logged;
        return platform;
    }

    /** Waits until this process's part of the log has a line containing {@code text}, looking every 10 ms. */
    public void awaitLogLine(String text, Duration within) {
        await("a log line with '" + text + "' (log: " + log + ")")
                .atMost(within)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("platform process still running (log: %s)", log)
                            .isTrue();
                    return logLines().stream().anyMatch(line -> line.contains(text));
                });
    }

    /** The lines this process has written to the log so far (the log may hold earlier processes' lines before them). */
    public List<String> logLines() throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) logged, all.length - (int) logged, StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    /** The jar the build packaged: {@code target/app/order-platform.jar}. */
    public static Path packagedJar() {
        String jar = System.getProperty("platform.jar");
        assertThat(jar).as("system property platform.jar (set by failsafe)").isNotBlank();
        return Path.of(jar);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive())
                    .as("platform process still running (log: %s)", log)
                    .isTrue();
            try {
                HttpResponse<String> health = get("/actuator/health", null);
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("platform not healthy within " + STARTUP + " (log: " + log + ")");
    }

    /** From process start to a healthy answer. */
    public Duration startup() {
        return startup;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String orderToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (orderToken != null) {
            request.header("X-Order-Token", orderToken);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String idempotencyKey, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Any request, with the given headers; {@code body} null for none. */
    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGTERM: the graceful stop of an operator or a container runtime. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("stopped within 60 s")
                .isTrue();
    }

    /** SIGKILL: the machine's view of a crash; nothing runs on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
