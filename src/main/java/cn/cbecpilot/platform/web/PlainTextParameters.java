package cn.cbecpilot.platform.web;

import cn.cbecpilot.platform.shared.PlainText;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Query parameters and the fields of URL-encoded forms are {@link PlainText} too: a search or a recall's reason holding
 * a NUL would otherwise reach PostgreSQL, which refuses it outright. Such a request is malformed (400: a problem on the
 * API, the error page elsewhere); no browser's form sends one. The form is read once: the exchange keeps it for the
 * CSRF check and the controller. A form larger than the platform reads into memory ({@code spring.codec.max-in-memory-size})
 * is too large (413), not a failure.
 */
@Component
class PlainTextParameters implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerWebInputException query = refused(exchange.getRequest().getQueryParams(), "query parameter");
        if (query != null) {
            return Mono.error(query);
        }
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        return exchange.getFormData()
                .onErrorMap(DataBufferLimitException.class, PayloadTooLargeException::new)
                .flatMap(form -> {
                    ServerWebInputException field = refused(form, "form field");
                    return field == null ? chain.filter(exchange) : Mono.error(field);
                });
    }

    private static ServerWebInputException refused(MultiValueMap<String, String> parameters, String what) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (PlainText.refused(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(v -> v != null && PlainText.refused(v))) {
                return new ServerWebInputException(what + " " + visible(parameter.getKey()) + ": " + PlainText.REASON);
            }
        }
        return null;
    }

    private static String visible(String name) {
        return PlainText.refused(name) ? "(its name)" : "'" + name + "'";
    }

    /** Before Spring Security, so that the refusal costs no session or credential lookup. */
    @Override
    public int getOrder() {
        return -200;
    }
}
