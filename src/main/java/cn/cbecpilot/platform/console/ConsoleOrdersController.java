package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.customs.CustomsMessages;
import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.Enterprises;
import cn.cbecpilot.platform.enterprise.Role;
import cn.cbecpilot.platform.order.ListingOrders;
import cn.cbecpilot.platform.order.OrderStatus;
import cn.cbecpilot.platform.order.ReadingOrders;
import cn.cbecpilot.platform.pages.OrderPageActions;
import cn.cbecpilot.platform.pages.RuleProblem;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * Orders for the operator: a filtered, paged list, and each order's page with its timeline, the actions its state
 * allows and every customs message sent or received for it, indented for reading.
 */
@Controller
class ConsoleOrdersController {

    static final int PAGE_SIZE = 20;

    private final ListingOrders listing;
    private final ReadingOrders reading;
    private final Enterprises enterprises;
    private final ObjectProvider<OrderPageActions> actions;
    private final CustomsMessages messages;

    ConsoleOrdersController(
            ListingOrders listing,
            ReadingOrders reading,
            Enterprises enterprises,
            ObjectProvider<OrderPageActions> actions,
            CustomsMessages messages) {
        this.messages = messages;
        this.listing = listing;
        this.reading = reading;
        this.enterprises = enterprises;
        this.actions = actions;
    }

    @GetMapping("/console/orders")
    Mono<Rendering> list(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String platform,
            @RequestParam(required = false) String orderNo,
            @RequestParam(defaultValue = "0") int page) {
        // two days given the wrong way round mean the range between them, and the form shows them in order
        boolean reversed = from != null && to != null && from.isAfter(to);
        var filter = new ListingOrders.Filter(
                status, reversed ? to : from, reversed ? from : to, blankToNull(platform), blankToNull(orderNo));
        int shown = Math.max(0, Math.min(page, 10_000));
        return Mono.zip(listing.list(filter, shown, PAGE_SIZE), platforms()).map(t -> Rendering.view("console/orders")
                .modelAttribute("page", t.getT1())
                .modelAttribute("filter", filter)
                .modelAttribute("statuses", OrderStatus.values())
                .modelAttribute("platforms", t.getT2())
                .build());
    }

    @GetMapping("/console/orders/{orderNo}")
    Mono<Rendering> order(@PathVariable String orderNo) {
        return page(orderNo, "", List.of(), HttpStatus.OK);
    }

    /** The order's page; after a refused pick or return, with the codes as typed and the reasons. */
    Mono<Rendering> page(String orderNo, String typedCodes, List<RuleProblem> problems, HttpStatus status) {
        return reading.view(orderNo)
                .zipWith(messages.of(orderNo).map(MessageView::of).collectList())
                .map(t -> Rendering.view("console/order")
                        .status(status)
                        .modelAttribute("order", t.getT1())
                        .modelAttribute("messages", t.getT2())
                        .modelAttribute("refusals", MessageView.refusals(t.getT2()))
                        .modelAttribute("codes", typedCodes)
                        .modelAttribute("actionProblems", problems)
                        .modelAttribute(
                                "actions",
                                OrderPageActions.all(
                                        actions.orderedStream().toList(), OrderPageActions.Face.CONSOLE, t.getT1()))
                        .build());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Mono<List<Enterprise>> platforms() {
        return enterprises.all().filter(e -> e.has(Role.PLATFORM)).collectList();
    }
}
