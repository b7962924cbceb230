package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.compliance.IdentityRule;
import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.order.Placement;
import cn.cbecpilot.platform.order.PlacingOrders;
import cn.cbecpilot.platform.shared.Conflict;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Checkout under real name. The order goes through the same placement as {@code POST /api/orders}; a refused order
 * comes back as the form, as typed, with each violation next to what it concerns.
 */
@Controller
class CheckoutController {

    private final Shelf shelf;
    private final PlacingOrders placing;
    private final Clock clock;

    CheckoutController(Shelf shelf, PlacingOrders placing, Clock clock) {
        this.shelf = shelf;
        this.placing = placing;
        this.clock = clock;
    }

    @GetMapping("/checkout")
    Mono<Rendering> form(WebSession session) {
        Cart cart = Cart.of(session);
        if (cart.isEmpty()) {
            return Mono.just(Rendering.redirectTo("/cart").build());
        }
        return page(cart, CheckoutForm.blank(), new FormProblems(), HttpStatus.OK);
    }

    @PostMapping("/checkout")
    Mono<Rendering> place(@ModelAttribute("form") CheckoutForm typed, WebSession session) {
        Cart cart = Cart.of(session);
        if (cart.isEmpty()) {
            return Mono.just(Rendering.redirectTo("/cart").build());
        }
        CheckoutForm form = typed.withUsableKey();
        FormProblems consignee = form.consigneeProblems();
        if (!consignee.isEmpty()) {
            // the order is not sent, but what is wrong with the buyer is said now too, not after the next try
            LocalDate today = LocalDate.now(clock);
            FormProblems problems = RefusalPlaces.of(IdentityRule.violations(form.buyer(), today), form, today);
            problems.addAll(consignee);
            return page(cart, form, problems, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return placing.place(form.toCommand(cart))
                .map(placed -> placed(placed, session))
                .onErrorResume(
                        RulesViolated.class,
                        e -> page(
                                cart,
                                form,
                                RefusalPlaces.of(e.violations(), form, LocalDate.now(clock)),
                                HttpStatus.UNPROCESSABLE_ENTITY))
                .onErrorResume(Conflict.class, e -> resubmitted(cart, form));
    }

    private static Rendering placed(Placement placed, WebSession session) {
        OrderTokens.keep(session, placed.orderNo(), placed.orderToken());
        Cart.empty(session);
        return Rendering.redirectTo("/orders/" + placed.orderNo()).build();
    }

    /** The key was spent on an order with other details: this is a new order, so it gets a new key. */
    private Mono<Rendering> resubmitted(Cart cart, CheckoutForm form) {
        FormProblems problems = new FormProblems();
        problems.add(FormProblems.TOP, "checkout.resubmitted");
        CheckoutForm fresh = new CheckoutForm(
                CheckoutForm.newKey(),
                form.buyerName(),
                form.buyerIdNumber(),
                form.buyerPhone(),
                form.consigneeName(),
                form.consigneePhone(),
                form.consigneeAddress());
        return page(cart, fresh, problems, HttpStatus.CONFLICT);
    }

    private Mono<Rendering> page(Cart cart, CheckoutForm form, FormProblems problems, HttpStatus status) {
        return shelf.price(cart).map(view -> Rendering.view("storefront/checkout")
                .status(status)
                .modelAttribute("cart", view)
                .modelAttribute("form", form)
                .modelAttribute("problems", problems)
                .build());
    }
}
