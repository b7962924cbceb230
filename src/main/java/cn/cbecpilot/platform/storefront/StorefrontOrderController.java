package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.order.ChangingOrders;
import cn.cbecpilot.platform.order.OrderStatus;
import cn.cbecpilot.platform.order.OrderView;
import cn.cbecpilot.platform.order.ReadingOrders;
import cn.cbecpilot.platform.pages.OrderPageActions;
import cn.cbecpilot.platform.shared.Conflict;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The buyer's own orders, opened by the tokens kept in the session: an order whose token the session does not hold
 * is answered like an unknown one. Cancel and return go through the same {@link ChangingOrders} as the API; a return
 * asked for too late comes back as the order page with the 30-day rule's message.
 */
@Controller
class StorefrontOrderController {

    private final ReadingOrders reading;
    private final ChangingOrders changing;
    private final ObjectProvider<OrderPageActions> actions;

    StorefrontOrderController(
            ReadingOrders reading, ChangingOrders changing, ObjectProvider<OrderPageActions> actions) {
        this.reading = reading;
        this.changing = changing;
        this.actions = actions;
    }

    /** The orders of this browser session, newest first, each with where it stands and what it costs. */
    @GetMapping("/orders")
    Mono<Rendering> mine(WebSession session) {
        List<String> newestFirst = new ArrayList<>(OrderTokens.of(session).keySet());
        Collections.reverse(newestFirst);
        return Flux.fromIterable(newestFirst)
                .concatMap(orderNo -> opened(orderNo, session))
                .collectList()
                .map(orders -> Rendering.view("storefront/orders")
                        .modelAttribute("orders", orders)
                        .build());
    }

    @GetMapping("/orders/{orderNo}")
    Mono<Rendering> order(
            @PathVariable String orderNo, @RequestParam MultiValueMap<String, String> query, WebSession session) {
        return opened(orderNo, session)
                .map(order -> page(order, query.containsKey("moved") ? moved() : new FormProblems(), HttpStatus.OK));
    }

    @PostMapping("/orders/{orderNo}/cancel")
    Mono<Rendering> cancel(@PathVariable String orderNo, WebSession session) {
        return act(orderNo, session, changing::cancel);
    }

    @PostMapping("/orders/{orderNo}/return")
    Mono<Rendering> requestReturn(@PathVariable String orderNo, WebSession session) {
        return act(orderNo, session, changing::requestReturn);
    }

    private Mono<Rendering> act(String orderNo, WebSession session, Function<String, Mono<OrderStatus>> event) {
        return opened(orderNo, session).flatMap(order -> event.apply(order.orderNo())
                .map(s -> Rendering.redirectTo("/orders/" + order.orderNo()).build())
                .onErrorResume(
                        InvalidInput.class, e -> Mono.just(page(order, refusal(e), HttpStatus.UNPROCESSABLE_ENTITY)))
                // the order moved on since the page was shown (customs released it, the payment window closed): the
                // page as it is now, saying so
                .onErrorResume(Conflict.class, e -> opened(orderNo, session)
                        .map(now -> page(now, moved(), HttpStatus.CONFLICT))));
    }

    private static FormProblems moved() {
        FormProblems problems = new FormProblems();
        problems.add(FormProblems.TOP, "order.moved");
        return problems;
    }

    private Mono<OrderView> opened(String orderNo, WebSession session) {
        return reading.viewWithToken(orderNo, OrderTokens.tokenFor(session, orderNo));
    }

    private static FormProblems refusal(InvalidInput e) {
        FormProblems problems = new FormProblems();
        e.problems()
                .forEach(p -> problems.add(
                        FormProblems.TOP,
                        new FormProblems.Problem("violation." + p.code(), List.of(), p.code(), p.message())));
        return problems;
    }

    private Rendering page(OrderView order, FormProblems problems, HttpStatus status) {
        return Rendering.view("storefront/order")
                .status(status)
                .modelAttribute("order", order)
                .modelAttribute("problems", problems)
                .modelAttribute(
                        "actions",
                        OrderPageActions.all(actions.orderedStream().toList(), OrderPageActions.Face.STOREFRONT, order))
                .build();
    }
}
