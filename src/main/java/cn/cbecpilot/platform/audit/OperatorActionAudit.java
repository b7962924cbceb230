package cn.cbecpilot.platform.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes every state-changing request of an authenticated operator to the audit trail once it has been answered: who,
 * method and path, status, client address and the submitted body (JSON or form, secrets and personal data redacted).
 * It runs after Spring Security, so the principal is known; reads are not recorded.
 */
@Component
class OperatorActionAudit implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(OperatorActionAudit.class);
    private static final Set<HttpMethod> CHANGES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final int MAX_CAPTURE = 16_000;

    private final AuditTrail trail;
    private final Redaction redaction;

    OperatorActionAudit(AuditTrail trail, Redaction redaction) {
        this.trail = trail;
        this.redaction = redaction;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!audited(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        var captured = new ByteArrayOutputStream();
        var teed =
                exchange.mutate().request(tee(exchange.getRequest(), captured)).build();
        return chain.filter(teed).then(Mono.defer(() -> record(teed, captured)));
    }

    private static boolean audited(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return CHANGES.contains(request.getMethod())
                && (path.startsWith("/api/console/")
                        || path.startsWith("/api/export-returns")
                        || (path.startsWith("/console/") && !path.equals("/console/login")));
    }

    private Mono<Void> record(ServerWebExchange exchange, ByteArrayOutputStream captured) {
        var request = exchange.getRequest();
        var status = exchange.getResponse().getStatusCode();
        String remote = request.getRemoteAddress() == null
                ? null
                : request.getRemoteAddress().getAddress().getHostAddress();
        return exchange.getPrincipal()
                .map(Principal::getName)
                // a bodyless action (pick, handover, delivered) is audited too, with no body
                .zipWith(body(exchange, captured).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(who -> trail.request(
                        who.getT1(),
                        request.getMethod().name() + " "
                                + request.getPath().pathWithinApplication().value(),
                        request.getPath().pathWithinApplication().value(),
                        status == null ? null : status.value(),
                        remote,
                        who.getT2().orElse(null)))
                .onErrorResume(e -> {
                    log.error("Could not write the audit entry of {} {}", request.getMethod(), request.getPath(), e);
                    return Mono.empty();
                });
    }

    private Mono<String> body(ServerWebExchange exchange, ByteArrayOutputStream captured) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return exchange.getFormData().map(this::form);
        }
        if (type != null && type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            return Mono.just("{\"multipart\":true}");
        }
        return Mono.justOrEmpty(redaction.json(captured.toString(StandardCharsets.UTF_8)));
    }

    private String form(MultiValueMap<String, String> form) {
        return redaction.form(form);
    }

    private static ServerHttpRequest tee(ServerHttpRequest request, ByteArrayOutputStream sink) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> copy(buffer, sink));
            }
        };
    }

    private static void copy(DataBuffer buffer, ByteArrayOutputStream sink) {
        int room = MAX_CAPTURE - sink.size();
        if (room <= 0) {
            return;
        }
        int length = Math.min(room, buffer.readableByteCount());
        byte[] bytes = new byte[length];
        int at = buffer.readPosition();
        buffer.read(bytes);
        buffer.readPosition(at);
        synchronized (sink) {
            sink.write(bytes, 0, length);
        }
    }
}
