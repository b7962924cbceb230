package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.bond.BondStock;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The storefront's catalogue: every product with its price and the units available in bond. */
@RestController
class ProductController {

    private final Products products;
    private final BondStock stock;
    private final Clock clock;

    ProductController(Products products, BondStock stock, Clock clock) {
        this.products = products;
        this.stock = stock;
        this.clock = clock;
    }

    @GetMapping("/api/products")
    Flux<ProductSummary> products() {
        return stock.available(LocalDate.now(clock)).flatMapMany(available -> products.all()
                .map(p -> new ProductSummary(
                        p.sku(),
                        p.name(),
                        p.gcode(),
                        p.category(),
                        p.price().toString(),
                        p.unit(),
                        p.originCountry(),
                        Math.max(0, available.getOrDefault(p.sku(), 0)))));
    }

    record ProductSummary(
            String sku,
            String name,
            String gcode,
            Category category,
            String price,
            String unit,
            String originCountry,
            int stock) {}
}
