package cn.cbecpilot.platform.web;

import cn.cbecpilot.platform.shared.PlainText;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Query parameters are {@link PlainText} too: a search for a NUL would otherwise reach PostgreSQL, which refuses it
 * outright. Such a request is malformed (400: a problem on the API, the error page elsewhere); no form sends one.
 */
@Component
class PlainTextQuery implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> parameter :
                exchange.getRequest().getQueryParams().entrySet()) {
            if (PlainText.refused(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(v -> v != null && PlainText.refused(v))) {
                return Mono.error(new ServerWebInputException(
                        "query parameter " + visible(parameter.getKey()) + ": " + PlainText.REASON));
            }
        }
        return chain.filter(exchange);
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
