package cn.cbecpilot.platform.storefront;

import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** The cart in the consumer's session: add goods, change a quantity, remove a line, see the priced total. */
@Controller
class CartController {

    private final Shelf shelf;

    CartController(Shelf shelf) {
        this.shelf = shelf;
    }

    /** Where a quantity the cart cannot take comes back to, saying so; the cart stays as it was. */
    private static final String REFUSED_QUANTITY = "/cart?quantity=refused";

    @GetMapping("/cart")
    Mono<Rendering> cart(@RequestParam MultiValueMap<String, String> query, WebSession session) {
        return shelf.price(Cart.of(session)).map(view -> Rendering.view("storefront/cart")
                .modelAttribute("cart", view)
                .modelAttribute("quantityRefused", "refused".equals(query.getFirst("quantity")))
                .build());
    }

    /** A cart form as sent; WebFlux binds form fields to an object, never to {@code @RequestParam}. */
    record LineForm(String sku, String quantity) {}

    @PostMapping("/cart/lines")
    Mono<Rendering> add(@ModelAttribute LineForm form, WebSession session) {
        int units = units(form.quantity() == null ? "1" : form.quantity(), 1);
        if (units < 0) {
            return Mono.just(Rendering.redirectTo(REFUSED_QUANTITY).build());
        }
        return shelf.product(String.valueOf(form.sku())).map(card -> {
            Cart.of(session).plus(card.sku(), units).storeIn(session);
            return Rendering.redirectTo("/cart").build();
        });
    }

    @PostMapping("/cart/lines/{sku}")
    Mono<Rendering> change(@PathVariable String sku, @ModelAttribute LineForm form, WebSession session) {
        int units = units(String.valueOf(form.quantity()), 0);
        if (units < 0) {
            return Mono.just(Rendering.redirectTo(REFUSED_QUANTITY).build());
        }
        Cart.of(session).with(sku, units).storeIn(session);
        return Mono.just(Rendering.redirectTo("/cart").build());
    }

    @PostMapping("/cart/lines/{sku}/remove")
    Mono<Rendering> remove(@PathVariable String sku, WebSession session) {
        Cart.of(session).with(sku, 0).storeIn(session);
        return Mono.just(Rendering.redirectTo("/cart").build());
    }

    /**
     * A quantity typed into a form: a whole number from {@code min} to the cap, else -1 (the form's own limits keep a
     * browser from sending one; a hand-made request or an old page may).
     */
    private static int units(String typed, int min) {
        try {
            int units = Integer.parseInt(typed.strip());
            if (units >= min && units <= Cart.MAX_QUANTITY) {
                return units;
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other quantity out of range
        }
        return -1;
    }
}
