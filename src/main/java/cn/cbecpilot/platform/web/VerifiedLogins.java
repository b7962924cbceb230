package cn.cbecpilot.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Credentials that passed BCrypt a moment ago. HTTP Basic sends the password with every request, and a BCrypt check
 * costs tens of milliseconds of CPU by design, so an API client making several calls a second would spend the
 * server's cores on hashing. A successful check is remembered for a short while under a SHA-256 of name and password
 * (never the password itself); a wrong password, an account disabled or changed meanwhile is seen at the latest when
 * the entry lapses. Requests that arrive together with the same credentials before any check finished (an
 * integration starting hundreds of calls at once, or all of them when the entry lapses) wait for one check rather than
 * each running their own.
 */
public final class VerifiedLogins {

    private record Entry(Authentication authentication, Instant until) {}

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Mono<Authentication>> checking = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    VerifiedLogins(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * The remembered login, else the outcome of {@code check}, run once for all callers with the same credentials
     * meanwhile; a success is remembered. A failure reaches every caller that waited for it.
     */
    Mono<Authentication> verify(String name, Object credentials, Supplier<Mono<Authentication>> check) {
        Optional<Authentication> remembered = find(name, credentials);
        if (remembered.isPresent()) {
            return Mono.just(remembered.get());
        }
        if (!(credentials instanceof String password)) {
            return check.get();
        }
        String key = key(name, password);
        return Mono.defer(() -> checking.computeIfAbsent(key, k -> check.get()
                .doOnNext(ok -> remember(name, credentials, ok))
                // forgotten before the outcome reaches anyone: whoever asks next checks afresh
                .doOnTerminate(() -> checking.remove(k))
                .doFinally(signal -> checking.remove(k))
                .cache()));
    }

    Optional<Authentication> find(String name, Object credentials) {
        if (!(credentials instanceof String password)) {
            return Optional.empty();
        }
        Entry entry = entries.get(key(name, password));
        if (entry == null || !clock.instant().isBefore(entry.until())) {
            return Optional.empty();
        }
        return Optional.of(entry.authentication());
    }

    void remember(String name, Object credentials, Authentication authentication) {
        if (!(credentials instanceof String password)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.until()));
        }
        entries.put(
                key(name, password), new Entry(authentication, clock.instant().plus(lifetime)));
    }

    /** Forgets every remembered login of the account, e.g. after its password or roles changed. */
    public void forget(String name) {
        entries.values().removeIf(e -> e.authentication().getName().equals(name));
    }

    private static String key(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((name + "\0" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
