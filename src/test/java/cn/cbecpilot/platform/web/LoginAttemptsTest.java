package cn.cbecpilot.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-18T02:00:00Z"), ZoneOffset.UTC);
    private final LoginAttempts attempts = new LoginAttempts(3, Duration.ofMinutes(15), clock);

    @Test
    void blocksAnAccountAfterTheAllowedFailuresWithinTheWindow() {
        attempts.failed("zhang");
        attempts.failed("zhang");
        assertThat(attempts.isBlocked("zhang")).isFalse();

        attempts.failed("ZHANG ");

        assertThat(attempts.isBlocked("zhang")).isTrue();
        assertThat(attempts.retryAfter("zhang")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void unblocksWhenTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("li");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(attempts.isBlocked("li")).isTrue();

        clock.advance(Duration.ofMinutes(1));

        assertThat(attempts.isBlocked("li")).isFalse();
        attempts.failed("li");
        assertThat(attempts.isBlocked("li")).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        attempts.failed("wang");
        attempts.failed("wang");
        attempts.succeeded("wang");
        attempts.failed("wang");
        attempts.failed("wang");

        assertThat(attempts.isBlocked("wang")).isFalse();
    }

    @Test
    void failuresOfOneAccountDoNotBlockAnother() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("zhao");
        }

        assertThat(attempts.isBlocked("qian")).isFalse();
    }
}
