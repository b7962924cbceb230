package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.order.ChangingOrders;
import cn.cbecpilot.platform.order.OrderStatus;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The order page's buttons, through the same {@link ChangingOrders} as {@code /api/console/orders/{orderNo}/...}: each
 * event moves the order and comes back to its page; a refused pick or return comes back as the page with the codes as
 * typed and every reason, a state that does not allow the event as the 409 page.
 */
@Controller
class ConsoleOrderEventsController {

    private final ChangingOrders changing;
    private final ConsoleOrdersController pages;

    ConsoleOrderEventsController(ChangingOrders changing, ConsoleOrdersController pages) {
        this.changing = changing;
        this.pages = pages;
    }

    @PostMapping("/console/orders/{orderNo}/cancel")
    Mono<Rendering> cancel(@PathVariable String orderNo) {
        return back(orderNo, changing.cancel(orderNo));
    }

    @PostMapping("/console/orders/{orderNo}/redeclare")
    Mono<Rendering> redeclare(@PathVariable String orderNo) {
        return back(orderNo, changing.redeclare(orderNo));
    }

    @PostMapping("/console/orders/{orderNo}/handover")
    Mono<Rendering> handOver(@PathVariable String orderNo) {
        return back(orderNo, changing.handOver(orderNo));
    }

    @PostMapping("/console/orders/{orderNo}/delivered")
    Mono<Rendering> delivered(@PathVariable String orderNo) {
        return back(orderNo, changing.delivered(orderNo));
    }

    /** The scanned codes come in the form body, which WebFlux does not bind to request parameters. */
    @PostMapping("/console/orders/{orderNo}/pick")
    Mono<Rendering> pick(@PathVariable String orderNo, ServerWebExchange exchange) {
        return typedCodes(exchange)
                .flatMap(codes -> withCodes(orderNo, codes, "pick", changing.pick(orderNo, lines(codes))));
    }

    @PostMapping("/console/orders/{orderNo}/returned")
    Mono<Rendering> returned(@PathVariable String orderNo, ServerWebExchange exchange) {
        return typedCodes(exchange)
                .flatMap(codes ->
                        withCodes(orderNo, codes, "returnedGoods", changing.receiveReturn(orderNo, lines(codes))));
    }

    private static Mono<String> typedCodes(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            String codes = form.getFirst("codes");
            return codes == null ? "" : codes;
        });
    }

    private static Mono<Rendering> back(String orderNo, Mono<OrderStatus> event) {
        return event.map(s -> Rendering.redirectTo("/console/orders/" + orderNo).build());
    }

    /** Refusals in the page's language, each naming the scanned code it is about. */
    private Mono<Rendering> withCodes(String orderNo, String codes, String context, Mono<OrderStatus> event) {
        List<String> typed = lines(codes);
        return back(orderNo, event)
                .onErrorResume(
                        RulesViolated.class,
                        e -> pages.page(
                                orderNo,
                                codes,
                                e.violations().stream()
                                        .map(v -> RuleProblem.of(v, context))
                                        .toList(),
                                HttpStatus.UNPROCESSABLE_ENTITY))
                .onErrorResume(
                        InvalidInput.class,
                        e -> pages.page(
                                orderNo,
                                codes,
                                e.problems().stream()
                                        .map(p -> RuleProblem.of(p, context, typed))
                                        .toList(),
                                HttpStatus.UNPROCESSABLE_ENTITY));
    }

    /** One code a line, as a scanner types them; blank lines are no codes. */
    static List<String> lines(String codes) {
        return Arrays.stream(codes.split("\\R"))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
    }
}
