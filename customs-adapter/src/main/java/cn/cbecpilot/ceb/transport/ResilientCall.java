package cn.cbecpilot.ceb.transport;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The Resilience4j guards around one delivery attempt, innermost first: time limiter, circuit breaker,
 * bulkhead, rate limiter, then retry outermost. So every attempt is timed, counted by the breaker,
 * holds a bulkhead slot only while in flight and takes a rate permit; and an open circuit, a full
 * bulkhead or an exhausted rate fails the delivery at once instead of being retried.
 */
final class ResilientCall {

    private final TimeLimiter timeLimiter;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;
    private final Retry retry;

    ResilientCall(String name, HttpTransportSettings settings) {
        timeLimiter = TimeLimiter.of(
                name,
                TimeLimiterConfig.custom()
                        .timeoutDuration(settings.callTimeout())
                        .cancelRunningFuture(true)
                        .build());
        var b = settings.breaker();
        breaker = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(b.windowSize())
                        .minimumNumberOfCalls(b.minimumCalls())
                        .failureRateThreshold(b.failureRatePercent())
                        .waitDurationInOpenState(b.openStateWait())
                        .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                        // callers ask isCircuitOpen() before they call, so no call would ever move it to half-open
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .recordException(Failures::isTransient)
                        .build());
        bulkhead = Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentCalls())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        var r = settings.rateLimit();
        rateLimiter = RateLimiter.of(
                name,
                RateLimiterConfig.custom()
                        .limitForPeriod(r.permitsPerPeriod())
                        .limitRefreshPeriod(r.period())
                        .timeoutDuration(r.maxWait())
                        .build());
        var t = settings.retry();
        retry = Retry.of(
                name,
                RetryConfig.custom()
                        .maxAttempts(t.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(
                                t.initialBackoff(), t.multiplier(), t.maxBackoff()))
                        .retryOnException(Failures::isTransient)
                        .build());
    }

    /** Guards {@code attempt}, which must be lazy: each retry subscribes to it again. */
    <T> Mono<T> guard(Mono<T> attempt) {
        return attempt.transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(RateLimiterOperator.of(rateLimiter))
                .transformDeferred(RetryOperator.of(retry));
    }

    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }
}
