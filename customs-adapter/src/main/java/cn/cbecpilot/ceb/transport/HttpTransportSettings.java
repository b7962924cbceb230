package cn.cbecpilot.ceb.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the HTTP transport can be tuned with; validated on construction. Start from
 * {@link #defaults(URI)} and change what differs.
 *
 * @param url where messages are POSTed
 * @param connectTimeout how long a TCP connect may take
 * @param callTimeout how long one attempt may take, answer included (the time limiter)
 * @param retry how transient failures are retried
 * @param breaker when the circuit opens and for how long
 * @param rateLimit how many requests may start per period
 * @param maxConcurrentCalls how many requests may be in flight at once (the bulkhead)
 */
public record HttpTransportSettings(
        URI url,
        Duration connectTimeout,
        Duration callTimeout,
        RetrySettings retry,
        BreakerSettings breaker,
        RateLimitSettings rateLimit,
        int maxConcurrentCalls) {

    public HttpTransportSettings {
        Objects.requireNonNull(url, "url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("url must be http or https: " + url);
        }
        positive(connectTimeout, "connectTimeout");
        positive(callTimeout, "callTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(rateLimit, "rateLimit");
        atLeastOne(maxConcurrentCalls, "maxConcurrentCalls");
    }

    /** Defaults for the single window: patient enough for a slow day, quick to stop hammering it. */
    public static HttpTransportSettings defaults(URI url) {
        return new HttpTransportSettings(
                url,
                Duration.ofSeconds(3),
                Duration.ofSeconds(15),
                new RetrySettings(3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10)),
                new BreakerSettings(50, 20, 10, Duration.ofSeconds(30), 3),
                new RateLimitSettings(50, Duration.ofSeconds(1), Duration.ofMillis(500)),
                16);
    }

    public HttpTransportSettings withTimeouts(Duration connect, Duration call) {
        return new HttpTransportSettings(url, connect, call, retry, breaker, rateLimit, maxConcurrentCalls);
    }

    public HttpTransportSettings withRetry(RetrySettings value) {
        return new HttpTransportSettings(
                url, connectTimeout, callTimeout, value, breaker, rateLimit, maxConcurrentCalls);
    }

    public HttpTransportSettings withBreaker(BreakerSettings value) {
        return new HttpTransportSettings(url, connectTimeout, callTimeout, retry, value, rateLimit, maxConcurrentCalls);
    }

    public HttpTransportSettings withRateLimit(RateLimitSettings value) {
        return new HttpTransportSettings(url, connectTimeout, callTimeout, retry, breaker, value, maxConcurrentCalls);
    }

    public HttpTransportSettings withMaxConcurrentCalls(int value) {
        return new HttpTransportSettings(url, connectTimeout, callTimeout, retry, breaker, rateLimit, value);
    }

    /**
     * Retries of transport faults, timeouts and HTTP 5xx; never of 4xx.
     *
     * @param maxAttempts attempts in all, the first included; 1 turns retrying off
     * @param initialBackoff the wait before the second attempt
     * @param multiplier how much each further wait grows
     * @param maxBackoff the longest wait
     */
    public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
        public RetrySettings {
            atLeastOne(maxAttempts, "retry.maxAttempts");
            positive(initialBackoff, "retry.initialBackoff");
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("retry.multiplier must be at least 1: " + multiplier);
            }
            positive(maxBackoff, "retry.maxBackoff");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("retry.maxBackoff is shorter than retry.initialBackoff");
            }
        }
    }

    /**
     * The circuit breaker, over a window of the last calls.
     *
     * @param failureRatePercent the failure rate, 1-100, at which the circuit opens
     * @param windowSize how many recent calls the rate is computed over
     * @param minimumCalls how many calls the window needs before the rate counts
     * @param openStateWait how long the circuit stays open before letting trial calls through
     * @param halfOpenCalls how many trial calls decide whether it closes again
     */
    public record BreakerSettings(
            float failureRatePercent, int windowSize, int minimumCalls, Duration openStateWait, int halfOpenCalls) {
        public BreakerSettings {
            if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
                throw new IllegalArgumentException("breaker.failureRatePercent must be in (0, 100]");
            }
            atLeastOne(windowSize, "breaker.windowSize");
            atLeastOne(minimumCalls, "breaker.minimumCalls");
            positive(openStateWait, "breaker.openStateWait");
            atLeastOne(halfOpenCalls, "breaker.halfOpenCalls");
        }
    }

    /**
     * The request rate limit; every attempt, retries included, takes a permit.
     *
     * @param permitsPerPeriod requests that may start per period
     * @param period the refresh period
     * @param maxWait how long a request may wait for a permit before it is refused; zero refuses at once
     */
    public record RateLimitSettings(int permitsPerPeriod, Duration period, Duration maxWait) {
        public RateLimitSettings {
            atLeastOne(permitsPerPeriod, "rateLimit.permitsPerPeriod");
            positive(period, "rateLimit.period");
            Objects.requireNonNull(maxWait, "rateLimit.maxWait");
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("rateLimit.maxWait is negative");
            }
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }
}
