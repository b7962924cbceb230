package cn.cbecpilot.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed operator logins per account name within a sliding window. An account with too many recent failures is
 * refused outright (HTTP 429) until the window has passed, whatever password is offered, which turns an online
 * password guess from thousands of tries per minute into a handful per window. Kept per instance: behind a load
 * balancer the effective limit is the limit times the instance count, still far below what guessing needs.
 */
final class LoginAttempts {

    private record Failures(int count, Instant firstAt) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    LoginAttempts(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    boolean isBlocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.count() >= maxFailures && !expired(f);
    }

    /** How long a blocked account still waits, for the Retry-After header. */
    Duration retryAfter(String username) {
        Failures f = failures.get(key(username));
        if (f == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.firstAt().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    void failed(String username) {
        Instant now = clock.instant();
        failures.compute(
                key(username),
                (k, f) -> f == null || expired(f) ? new Failures(1, now) : new Failures(f.count() + 1, f.firstAt()));
        if (failures.size() > 100_000) {
            failures.values().removeIf(this::expired);
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private boolean expired(Failures f) {
        return !clock.instant().isBefore(f.firstAt().plus(window));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
