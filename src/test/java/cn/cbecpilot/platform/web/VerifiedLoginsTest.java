package cn.cbecpilot.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

    @Test
    void callersArrivingTogetherWaitForOneCheck() {
        AtomicInteger checks = new AtomicInteger();
        Supplier<Mono<Authentication>> bcrypt = () -> Mono.fromCallable(() -> {
                    checks.incrementAndGet();
                    return (Authentication) zhang;
                })
                .delayElement(Duration.ofMillis(200));

        List<Authentication> answers = Flux.range(0, 50)
                .flatMap(i -> logins.verify("zhang", "secret-password", bcrypt))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(answers).hasSize(50).containsOnly(zhang);
        assertThat(checks).hasValue(1);
        assertThat(logins.verify("zhang", "secret-password", bcrypt).block()).isEqualTo(zhang);
        assertThat(checks).as("remembered afterwards").hasValue(1);
    }

    // repeated: the next ask used to race the failed check's removal
    @RepeatedTest(10)
    void aFailedCheckReachesEveryoneWhoWaitedAndIsNotRemembered() {
        AtomicInteger checks = new AtomicInteger();
        Supplier<Mono<Authentication>> wrong = () -> Mono.<Authentication>error(() -> {
                    checks.incrementAndGet();
                    return new BadCredentialsException("wrong");
                })
                .delaySubscription(Duration.ofMillis(200));

        List<String> outcomes = Flux.range(0, 20)
                .flatMap(i -> logins.verify("zhang", "guess", wrong)
                        .map(a -> "in")
                        .onErrorResume(BadCredentialsException.class, e -> Mono.just("refused")))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(outcomes).hasSize(20).containsOnly("refused");
        assertThat(checks).hasValue(1);
        logins.verify("zhang", "guess", wrong).onErrorResume(e -> Mono.empty()).block();
        assertThat(checks).as("a failure is checked again next time").hasValue(2);
    }
}
