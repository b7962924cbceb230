package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.bond.BondStock;
import cn.cbecpilot.platform.bond.LotsInBond;
import cn.cbecpilot.platform.catalog.PositiveListEdition;
import cn.cbecpilot.platform.catalog.PositiveListLine;
import cn.cbecpilot.platform.catalog.PositiveLists;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.compliance.PricedLine;
import cn.cbecpilot.platform.compliance.Pricing;
import cn.cbecpilot.platform.compliance.TaxCalculator;
import cn.cbecpilot.platform.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The goods the storefront may offer today (those on the positive list in force), priced with their tax. */
@Component
class Shelf {

    private final Products products;
    private final PositiveLists positiveLists;
    private final BondStock stock;
    private final LotsInBond lots;
    private final TaxCalculator taxes;
    private final Clock clock;

    Shelf(
            Products products,
            PositiveLists positiveLists,
            BondStock stock,
            LotsInBond lots,
            TaxCalculator taxes,
            Clock clock) {
        this.products = products;
        this.positiveLists = positiveLists;
        this.stock = stock;
        this.lots = lots;
        this.taxes = taxes;
        this.clock = clock;
    }

    Mono<List<ProductCard>> catalogue() {
        LocalDate today = LocalDate.now(clock);
        return Mono.zip(
                        products.all().collectList(),
                        positiveLists.inForceOn(today).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        stock.available(today),
                        lots.nearestExpiries(today))
                .map(t -> t.getT1().stream()
                        .flatMap(p -> listed(p, t.getT2()).map(line -> card(p, line, t.getT3(), t.getT4())).stream())
                        .toList());
    }

    Mono<ProductCard> product(String sku) {
        return catalogue()
                .flatMap(cards -> Mono.justOrEmpty(
                        cards.stream().filter(c -> c.sku().equals(sku)).findFirst()))
                .switchIfEmpty(Mono.error(() -> NotFound.product(sku)));
    }

    /** The cart priced by the same calculator the placement uses; lines of unknown SKUs are left out. */
    Mono<CartView> price(Cart cart) {
        if (cart.isEmpty()) {
            return Mono.just(CartView.empty());
        }
        List<String> skus = cart.lines().stream().map(Cart.Line::sku).toList();
        return Mono.zip(products.findAll(skus), stock.available(skus, LocalDate.now(clock)))
                .map(t -> priced(cart, t.getT1(), t.getT2()));
    }

    private CartView priced(Cart cart, Map<String, Product> found, Map<String, Integer> available) {
        List<PricedLine> priced = new ArrayList<>();
        List<Product> shown = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        for (Cart.Line line : cart.lines()) {
            Product p = found.get(line.sku());
            if (p != null) {
                priced.add(pricedLine(priced.size() + 1, p, line.quantity()));
                shown.add(p);
                quantities.add(line.quantity());
            }
        }
        Pricing pricing = taxes.price(priced);
        List<CartView.Line> lines = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Product p = shown.get(i);
            Pricing.Line pl = pricing.line(i + 1);
            lines.add(new CartView.Line(
                    i + 1,
                    p.sku(),
                    p.name(),
                    quantities.get(i),
                    p.price(),
                    pl.value(),
                    pl.tax(),
                    Math.max(0, available.getOrDefault(p.sku(), 0))));
        }
        return new CartView(
                lines,
                pricing.goodsValue(),
                pricing.freight(),
                pricing.tax(),
                pricing.total(),
                pricing.dutiableValue(),
                pricing.fullyTaxed());
    }

    private static Optional<PositiveListLine> listed(Product p, Optional<PositiveListEdition> edition) {
        return edition.flatMap(e -> e.lineFor(p.gcode()));
    }

    private ProductCard card(
            Product p, PositiveListLine line, Map<String, Integer> available, Map<String, LocalDate> expiries) {
        return new ProductCard(
                p.sku(),
                p.name(),
                p.category(),
                p.price(),
                taxes.price(List.of(pricedLine(1, p, 1))).tax(),
                Math.max(0, available.getOrDefault(p.sku(), 0)),
                p.unit(),
                p.originCountry(),
                p.registrationCertificate(),
                expiries.get(p.sku()),
                line.tariffLine(),
                line.remark(),
                p.maxPerOrder());
    }

    private static PricedLine pricedLine(int lineNo, Product p, int quantity) {
        return new PricedLine(lineNo, p.price(), quantity, p.vatRate(), p.consumptionTaxRate(), p.dutyRate());
    }
}
