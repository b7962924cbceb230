package cn.cbecpilot.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class VerifiedLoginsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-18T02:00:00Z"), ZoneOffset.UTC);
    private final VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(30), clock);
    private final UsernamePasswordAuthenticationToken zhang =
            UsernamePasswordAuthenticationToken.authenticated("zhang", null, List.of());

    @Test
    void remembersAVerifiedPasswordForItsLifetimeOnly() {
        logins.remember("zhang", "secret-password", zhang);

        assertThat(logins.find("zhang", "secret-password")).contains(zhang);
        clock.advance(Duration.ofSeconds(30));
        assertThat(logins.find("zhang", "secret-password")).isEmpty();
    }

    @Test
    void anotherPasswordIsNotRemembered() {
        logins.remember("zhang", "secret-password", zhang);

        assertThat(logins.find("zhang", "secret-passworD")).isEmpty();
        assertThat(logins.find("zhan", "gsecret-password")).isEmpty();
    }

    @Test
    void forgetsAnAccountThatChanged() {
        logins.remember("zhang", "secret-password", zhang);

        logins.forget("zhang");

        assertThat(logins.find("zhang", "secret-password")).isEmpty();
    }
}
