package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.order.ReadingOrders;
import cn.cbecpilot.platform.pages.OrderPageActions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The buyer's own orders, opened by the tokens kept in the session: an order whose token the session does not hold
 * is answered like an unknown one.
 */
@Controller
class StorefrontOrderController {

    private final ReadingOrders reading;
    private final ObjectProvider<OrderPageActions> actions;

    StorefrontOrderController(ReadingOrders reading, ObjectProvider<OrderPageActions> actions) {
        this.reading = reading;
        this.actions = actions;
    }

    @GetMapping("/orders")
    Mono<Rendering> mine(WebSession session) {
        List<String> newestFirst = new ArrayList<>(OrderTokens.of(session).keySet());
        Collections.reverse(newestFirst);
        return Mono.just(Rendering.view("storefront/orders")
                .modelAttribute("orderNos", newestFirst)
                .build());
    }

    @GetMapping("/orders/{orderNo}")
    Mono<Rendering> order(@PathVariable String orderNo, WebSession session) {
        return reading.viewWithToken(orderNo, OrderTokens.tokenFor(session, orderNo))
                .map(order -> Rendering.view("storefront/order")
                        .modelAttribute("order", order)
                        .modelAttribute(
                                "actions",
                                OrderPageActions.all(
                                        actions.orderedStream().toList(), OrderPageActions.Face.STOREFRONT, order))
                        .build());
    }
}
