package cn.cbecpilot.ceb.transport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.transport.HttpTransportSettings.RetrySettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The guards on their own, in virtual time, so backoff timing can be checked to the millisecond. */
class ResilientCallTest {

    private static final HttpTransportSettings SETTINGS = HttpTransportSettings.defaults(
                    URI.create("http://localhost/"))
            .withRetry(new RetrySettings(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(3)));

    @Test
    void retriesServerErrorsWithExponentialBackoffCappedAtTheMaximum() {
        List<Long> attemptsAt = new CopyOnWriteArrayList<>();

        StepVerifier.withVirtualTime(() -> new ResilientCall("test", SETTINGS).guard(Mono.defer(() -> {
                    attemptsAt.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
                    return Mono.error(DeliveryUnavailableException.serverError("G", 502));
                })))
                .thenAwait(Duration.ofSeconds(10))
                .expectError(DeliveryUnavailableException.class)
                .verify(Duration.ofSeconds(5));

        assertThat(attemptsAt).containsExactly(0L, 1000L, 3000L, 6000L);
    }

    @Test
    void neverRetriesARefusal() {
        List<Long> attemptsAt = new CopyOnWriteArrayList<>();

        StepVerifier.withVirtualTime(() -> new ResilientCall("test", SETTINGS).guard(Mono.defer(() -> {
                    attemptsAt.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
                    return Mono.error(DeliveryRefusedException.of("G", 400, "no"));
                })))
                .expectError(DeliveryRefusedException.class)
                .verify(Duration.ofSeconds(5));

        assertThat(attemptsAt).hasSize(1);
    }

    @Test
    void timesOutEachAttemptAndRetriesTheTimeout() {
        List<Long> attemptsAt = new CopyOnWriteArrayList<>();

        StepVerifier.withVirtualTime(() -> new ResilientCall("test", SETTINGS).guard(Mono.defer(() -> {
                    attemptsAt.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
                    return Mono.never();
                })))
                .thenAwait(Duration.ofMinutes(2))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(Duration.ofSeconds(5));

        // 15 s call timeout, then 1 s, 2 s and 3 s of backoff between the four attempts.
        assertThat(attemptsAt).containsExactly(0L, 16_000L, 33_000L, 51_000L);
    }
}
