package cn.cbecpilot.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * What is refused before any controller is chosen, answered on the JSON API and the customs endpoint as problem+json
 * like the API's other errors: no route for the path (404), a method the path does not take (405, with
 * {@code Allow}), a body type it does not read (415), a request the firewall refuses (a header or path a browser never
 * sends: 400), no or bad credentials (401, with {@code WWW-Authenticate}), a role or form token missing (403). Pages
 * keep their own error pages.
 */
@Configuration(proxyBeanMethods = false)
class EdgeProblems {

    private final ObjectMapper json;

    EdgeProblems(ObjectMapper json) {
        this.json = json;
    }

    static boolean isApi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/customs/");
    }

    /** Ahead of Spring Boot's error handler (order -1), which answers with its own JSON shape. */
    @Bean
    @Order(-2)
    WebExceptionHandler apiStatusProblems() {
        return (exchange, e) -> {
            if (!(e instanceof ResponseStatusException status)
                    || !isApi(exchange)
                    || exchange.getResponse().isCommitted()) {
                return Mono.error(e);
            }
            exchange.getResponse().getHeaders().addAll(status.getHeaders());
            String detail = status.getReason() != null ? status.getReason() : reasonOf(status.getStatusCode());
            return write(exchange.getResponse(), status.getStatusCode(), detail, exchange);
        };
    }

    @Bean
    ServerExchangeRejectedHandler firewallRejections() {
        return (exchange, e) -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.empty();
            }
            if (!isApi(exchange)) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return Mono.empty();
            }
            return write(exchange.getResponse(), HttpStatus.BAD_REQUEST, FIREWALL_REFUSED, exchange);
        };
    }

    static final String FIREWALL_REFUSED =
            "the request carries a header or path the platform does not accept (header values are ASCII text)";

    /**
     * Who is not signed in: on the API, HTTP Basic's challenge with a problem body; on a page, the login form. Also
     * what HTTP Basic answers to credentials it refuses.
     */
    @Bean
    ServerAuthenticationEntryPoint signInFirst() {
        var challenge = new HttpBasicServerAuthenticationEntryPoint();
        var loginPage = new RedirectServerAuthenticationEntryPoint("/console/login");
        return (exchange, e) -> isApi(exchange)
                ? challenge
                        .commence(exchange, e)
                        .then(Mono.defer(() -> write(
                                exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED,
                                "credentials are missing or wrong",
                                exchange)))
                : loginPage.commence(exchange, e);
    }

    /**
     * A request refused for want of a role or of its form's token: a problem on the API; on a page, the error page
     * for 403, which says the session may have expired (a form's token lives as long as its session).
     */
    @Bean
    ServerAccessDeniedHandler refusedAccess() {
        return (exchange, e) -> isApi(exchange)
                ? write(exchange.getResponse(), HttpStatus.FORBIDDEN, "not allowed for this account", exchange)
                : Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "access denied"));
    }

    private static String reasonOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "the request cannot be answered" : known.getReasonPhrase();
    }

    private Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String detail, ServerWebExchange ex) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", reasonOf(status));
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", ex.getRequest().getPath().value());
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        response.getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
