package cn.cbecpilot.platform.storefront;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The catalogue of positive-list goods and the page of each, with the pilot's notices to the consumer. */
@Controller
class CatalogueController {

    private final Shelf shelf;

    CatalogueController(Shelf shelf) {
        this.shelf = shelf;
    }

    @GetMapping("/")
    Mono<Rendering> catalogue() {
        return shelf.catalogue().map(cards -> Rendering.view("storefront/catalogue")
                .modelAttribute("products", cards)
                .build());
    }

    @GetMapping("/products/{sku}")
    Mono<Rendering> product(@PathVariable String sku) {
        return shelf.product(sku).map(card -> Rendering.view("storefront/product")
                .modelAttribute("product", card)
                .build());
    }
}
