package cn.cbecpilot.platform.benchmark;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Sends JSON POSTs either as fast as a fixed number of connections allows, or at a fixed offered rate. */
final class LoadGenerator implements AutoCloseable {

    /** One request: a path, an idempotency key and a body. */
    record Call(String path, String idempotencyKey, String body, int expectedStatus) {}

    private final ConnectionProvider connections;
    private final HttpClient client;

    LoadGenerator(String baseUrl, int maxConnections) {
        this.connections = ConnectionProvider.builder("benchmark")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(2))
                .build();
        this.client = HttpClient.create(connections)
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
    }

    /** Closed loop: {@code count} calls, at most {@code concurrency} in flight. */
    LoadResult closedLoop(String phase, long count, int concurrency, LongFunction<Call> calls) {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        Flux.range(0, Math.toIntExact(count))
                .flatMap(
                        i -> send(calls.apply(i), System.nanoTime(), latency, failures, (due, micros) -> {}),
                        concurrency)
                .then()
                .block(Duration.ofHours(1));
        return new LoadResult(
                phase,
                count,
                failures.get(),
                Duration.ofNanos(System.nanoTime() - started),
                LoadResult.Latency.of(latency),
                List.of());
    }

    /**
     * Open loop: calls due at {@code rate} per second for {@code duration}, each sent when due whatever the
     * answers to earlier ones; latency counts from when a call was due.
     */
    LoadResult openLoop(String phase, int rate, Duration duration, LongFunction<Call> calls) {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        AtomicLong failures = new AtomicLong();
        long count = duration.toSeconds() * rate;
        long periodNanos = 1_000_000_000L / rate;
        long started = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        AtomicLongArray worst = new AtomicLongArray((int) ((duration.toSeconds() + SLICE_SECONDS - 1) / SLICE_SECONDS));
        LatencyRecorder slices = (due, micros) ->
                worst.accumulateAndGet((int) ((due - started) / 1_000_000_000L / SLICE_SECONDS), micros, Math::max);
        Flux.interval(Duration.ofMillis(1))
                .onBackpressureDrop()
                .takeUntil(tick -> sent.get() >= count)
                .flatMap(
                        tick -> {
                            long due = Math.min(count, (System.nanoTime() - started) / periodNanos + 1);
                            long from = sent.get();
                            sent.set(Math.max(from, due));
                            return Flux.range(0, (int) Math.max(0, due - from))
                                    .map(k -> from + k)
                                    .flatMap(i ->
                                            send(calls.apply(i), started + i * periodNanos, latency, failures, slices));
                        },
                        Integer.MAX_VALUE)
                .then()
                .block(duration.plusMinutes(5));
        List<Double> worstBySlice = IntStream.range(0, worst.length())
                .mapToObj(k -> worst.get(k) / 1000.0)
                .toList();
        return new LoadResult(
                phase,
                count,
                failures.get(),
                Duration.ofNanos(System.nanoTime() - started),
                LoadResult.Latency.of(latency),
                worstBySlice);
    }

    /** The open loop's slices of time by when a call was due, for where in the run its worst answers came. */
    static final int SLICE_SECONDS = 5;

    /** Takes a call's latency in microseconds with the time it was due. */
    private interface LatencyRecorder {
        void record(long dueNanos, long micros);
    }

    private Mono<Void> send(
            Call call, long dueNanos, Histogram latency, AtomicLong failures, LatencyRecorder recorder) {
        return client.headers(h -> h.set("Idempotency-Key", call.idempotencyKey()))
                .post()
                .uri(call.path())
                .send(ByteBufFlux.fromString(Mono.just(call.body())))
                .responseSingle(
                        (response, body) -> body.asString().defaultIfEmpty("").map(text -> {
                            if (response.status().code() != call.expectedStatus()) {
                                if (failures.incrementAndGet() <= 5) {
                                    System.err.println("unexpected " + response.status() + ": " + text);
                                }
                            }
                            return text;
                        }))
                .doOnError(e -> failures.incrementAndGet())
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> {
                    long micros = Math.max(0, (System.nanoTime() - dueNanos) / 1000);
                    synchronized (latency) {
                        latency.recordValue(micros);
                    }
                    recorder.record(dueNanos, micros);
                })
                .then();
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
