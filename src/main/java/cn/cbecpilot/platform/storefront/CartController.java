package cn.cbecpilot.platform.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** The cart in the consumer's session: add goods, change a quantity, remove a line, see the priced total. */
@Controller
class CartController {

    private final Shelf shelf;

    CartController(Shelf shelf) {
        this.shelf = shelf;
    }

    @GetMapping("/cart")
    Mono<Rendering> cart(WebSession session) {
        return shelf.price(Cart.of(session)).map(view -> Rendering.view("storefront/cart")
                .modelAttribute("cart", view)
                .build());
    }

    /** A cart form as sent; WebFlux binds form fields to an object, never to {@code @RequestParam}. */
    record LineForm(String sku, String quantity) {}

    @PostMapping("/cart/lines")
    Mono<Rendering> add(@ModelAttribute LineForm form, WebSession session) {
        int units = units(form.quantity() == null ? "1" : form.quantity(), 1);
        return shelf.product(String.valueOf(form.sku())).map(card -> {
            Cart.of(session).plus(card.sku(), units).storeIn(session);
            return Rendering.redirectTo("/cart").build();
        });
    }

    @PostMapping("/cart/lines/{sku}")
    Mono<Rendering> change(@PathVariable String sku, @ModelAttribute LineForm form, WebSession session) {
        Cart.of(session).with(sku, units(String.valueOf(form.quantity()), 0)).storeIn(session);
        return Mono.just(Rendering.redirectTo("/cart").build());
    }

    @PostMapping("/cart/lines/{sku}/remove")
    Mono<Rendering> remove(@PathVariable String sku, WebSession session) {
        Cart.of(session).with(sku, 0).storeIn(session);
        return Mono.just(Rendering.redirectTo("/cart").build());
    }

    /** A quantity typed into a form: a whole number from {@code min} to the cap, else a 400 page. */
    private static int units(String typed, int min) {
        try {
            int units = Integer.parseInt(typed.strip());
            if (units >= min && units <= Cart.MAX_QUANTITY) {
                return units;
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other quantity out of range
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "quantity out of range");
    }
}
