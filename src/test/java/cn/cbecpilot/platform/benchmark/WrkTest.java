package cn.cbecpilot.platform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The benchmark's wrk driver ({@code send-each.lua}) against a real HTTP server: every body sent exactly once, none
 * empty or repeated (wrk asks the script for a request of its own before the run, and each connection asks before it
 * knows whether any body is left), the answers counted, and wrk ended by its own script at the last answer rather
 * than at its --duration.
 */
class WrkTest {

    private record Received(String body, String key, String authorization) {}

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private DisposableServer server;

    @TempDir
    Path work;

    @BeforeEach
    void serve() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            received.add(new Received(
                                    body,
                                    request.requestHeaders().get("Idempotency-Key"),
                                    request.requestHeaders().get("Authorization")));
                            return response.status(body.startsWith("refuse") ? 400 : 202)
                                    .send()
                                    .then();
                        }))
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void sendsEveryBodyOnceWithManyInFlightAndEndsAtTheLastAnswer() throws Exception {
        Wrk wrk = Wrk.prepare(work);
        List<String> bodies =
                IntStream.range(0, 3_000).mapToObj(i -> "body-" + i).toList();
        long started = System.nanoTime();

        Wrk.Run run = wrk.send(
                baseUrl(),
                64,
                wrk.bodies(bodies),
                new Wrk.Requests("/receipts", "application/xml", 202, "Bearer secret", true),
                "test");

        assertThat((System.nanoTime() - started) / 1e9)
                .as("ended by the script, not by wrk's --duration of at least 30 s")
                .isLessThan(20);
        assertThat(received).hasSize(3_000);
        assertThat(received.stream().map(Received::body)).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(received.stream().map(Received::key).distinct()).hasSize(3_000);
        assertThat(received).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer secret"));
        LoadResult result = run.result();
        assertThat(result.requests()).isEqualTo(3_000);
        assertThat(result.failures()).isZero();
        assertThat(result.elapsed()).isPositive();
        assertThat(result.latency().p50())
                .isPositive()
                .isLessThanOrEqualTo(result.latency().p99());
        assertThat(result.latency().p99()).isLessThanOrEqualTo(result.latency().max());
        assertThat(run.wrkMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void sendsInTheFileOrderOnOneConnectionAndCountsUnexpectedAnswers() throws Exception {
        Wrk wrk = Wrk.prepare(work);
        List<String> bodies = IntStream.range(0, 200)
                .mapToObj(i -> (i % 10 == 0 ? "refuse-" : "body-") + i)
                .toList();

        Wrk.Run run = wrk.send(
                baseUrl(),
                1,
                wrk.bodies(bodies),
                new Wrk.Requests("/orders", "application/json", 202, null, false),
                "test");

        assertThat(received.stream().map(Received::body)).containsExactlyElementsOf(bodies);
        assertThat(received).allSatisfy(r -> {
            assertThat(r.key()).isNull();
            assertThat(r.authorization()).isNull();
        });
        assertThat(run.result().requests()).isEqualTo(200);
        assertThat(run.result().failures()).isEqualTo(20);
    }

    @Test
    void refusesBodiesItCannotSendOneALine() throws Exception {
        Wrk wrk = Wrk.prepare(work);

        assertThatThrownBy(() -> wrk.bodies(List.of("one\ntwo"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wrk.bodies(List.of())).isInstanceOf(IllegalArgumentException.class);
        try (var files = Files.list(work)) {
            assertThat(files).noneMatch(p -> p.getFileName().toString().equals("bodies.txt"));
        }
    }
}
