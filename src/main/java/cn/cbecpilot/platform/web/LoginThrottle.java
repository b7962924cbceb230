package cn.cbecpilot.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses logins of an account that failed too often lately (429 with Retry-After), before any password is checked,
 * and counts the outcome of every login the wrapped authentication manager decides: HTTP Basic on the operator API and
 * the console's login form alike.
 */
final class LoginThrottle implements WebFilter, ReactiveAuthenticationManager {

    private static final String LOGIN_PATH = "/console/login";
    private static final byte[] TOO_MANY = ("{\"type\":\"about:blank\",\"title\":\"Too many failed logins\","
                    + "\"status\":429,\"detail\":\"This account failed to log in too often; try again later.\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final LoginAttempts attempts;
    private final ReactiveAuthenticationManager delegate;
    private final VerifiedLogins verified;

    LoginThrottle(LoginAttempts attempts, ReactiveAuthenticationManager delegate, VerifiedLogins verified) {
        this.attempts = attempts;
        this.delegate = delegate;
        this.verified = verified;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return loginName(exchange)
                .filter(attempts::isBlocked)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(blocked -> blocked.isPresent() ? tooMany(exchange, blocked.get()) : chain.filter(exchange));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String name = authentication.getName();
        if (attempts.isBlocked(name)) {
            return Mono.error(new Throttled());
        }
        // a login remembered from a recent check resets the count as a checked one does
        return verified.verify(name, authentication.getCredentials(), () -> delegate.authenticate(authentication))
                .doOnNext(ok -> attempts.succeeded(name))
                .doOnError(AuthenticationException.class, e -> attempts.failed(name));
    }

    private static Mono<String> loginName(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Mono.justOrEmpty(basicUser(header.substring(6).strip()));
        }
        if (isFormLogin(exchange)) {
            return exchange.getFormData().mapNotNull(form -> form.getFirst("username"));
        }
        return Mono.empty();
    }

    private static boolean isFormLogin(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() == HttpMethod.POST
                && LOGIN_PATH.equals(
                        exchange.getRequest().getPath().pathWithinApplication().value());
    }

    private static String basicUser(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /**
     * 429 with {@code Retry-After}: a problem for the API, and for the console's form the sign-in page again, saying
     * why (a browser shows a 429's body as it is).
     */
    private Mono<Void> tooMany(ServerWebExchange exchange, String name) {
        var response = exchange.getResponse();
        response.getHeaders()
                .set(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, attempts.retryAfter(name).toSeconds())));
        if (isFormLogin(exchange)) {
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().setLocation(URI.create(LOGIN_PATH + "?blocked"));
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(TOO_MANY)));
    }

    /** A login refused because the account is throttled; answered as a failed login if it gets that far. */
    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("too many failed logins");
        }
    }
}
