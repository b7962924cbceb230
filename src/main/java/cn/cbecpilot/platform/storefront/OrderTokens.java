package cn.cbecpilot.platform.storefront;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.server.WebSession;

/**
 * The tokens of the orders placed in this session, by order number: holding the token is what lets the buyer see an
 * order, as the {@code X-Order-Token} header does on the API.
 */
final class OrderTokens {

    private static final String ATTRIBUTE = "storefront.orderTokens";
    private static final int KEPT = 50;

    private OrderTokens() {}

    static Map<String, String> of(WebSession session) {
        Map<String, String> tokens = session.getAttribute(ATTRIBUTE);
        return tokens == null ? Map.of() : tokens;
    }

    static void keep(WebSession session, String orderNo, String token) {
        Map<String, String> tokens = new LinkedHashMap<>(of(session));
        tokens.put(orderNo, token);
        while (tokens.size() > KEPT) {
            tokens.remove(tokens.keySet().iterator().next());
        }
        session.getAttributes().put(ATTRIBUTE, Collections.unmodifiableMap(tokens));
    }

    static String tokenFor(WebSession session, String orderNo) {
        return of(session).get(orderNo);
    }
}
