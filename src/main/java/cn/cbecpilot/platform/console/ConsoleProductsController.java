package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.bond.BondStock;
import cn.cbecpilot.platform.bond.LotsInBond;
import cn.cbecpilot.platform.catalog.PositiveListEdition;
import cn.cbecpilot.platform.catalog.PositiveLists;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.trace.LotCodeCounts;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** Products with their units available in bond and their lots, first expiry first, with what each lot's codes are doing. */
@Controller
class ConsoleProductsController {

    private final Products products;
    private final BondStock stock;
    private final LotsInBond lots;
    private final PositiveLists positiveLists;
    private final LotCodeCounts codes;
    private final Clock clock;

    ConsoleProductsController(
            Products products,
            BondStock stock,
            LotsInBond lots,
            PositiveLists positiveLists,
            LotCodeCounts codes,
            Clock clock) {
        this.products = products;
        this.stock = stock;
        this.lots = lots;
        this.positiveLists = positiveLists;
        this.codes = codes;
        this.clock = clock;
    }

    /**
     * A product with what bond holds of it; {@code listed} says whether the edition in force covers its gcode;
     * {@code codes} summarises the traceability codes of every lot that has some, by lot id.
     */
    record ProductStock(
            Product product,
            int available,
            boolean listed,
            List<LotsInBond.LotView> lots,
            Map<Long, LotCodeCounts.Summary> codes) {

        public LotCodeCounts.Summary codesOf(LotsInBond.LotView lot) {
            return codes.getOrDefault(lot.id(), LotCodeCounts.Summary.NONE);
        }
    }

    /** The lot the console's entry form has just entered, named at the top of the page, with its codes. */
    record Entered(LotsInBond.LotView lot, LotCodeCounts.Summary codes) {}

    /** {@code entered}: the id of the lot just entered, as the entry form's redirect names it; anything else is ignored. */
    @GetMapping("/console/products")
    Mono<Rendering> products(
            @RequestParam(required = false) String entered,
            @RequestParam(required = false) String added,
            Mono<Principal> principal) {
        Mono<Boolean> mayAdd = ReferenceDataChanges.allowed(principal);
        LocalDate today = LocalDate.now(clock);
        return Mono.zip(
                        products.all().collectList(),
                        stock.available(today),
                        lots.all().collect(Collectors.groupingBy(LotsInBond.LotView::sku)),
                        positiveLists.inForceOn(today).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        codes.byLot(),
                        mayAdd)
                .map(t -> Rendering.view("console/products")
                        .modelAttribute(
                                "products",
                                t.getT1().stream()
                                        .map(p -> view(p, t.getT2(), t.getT3(), t.getT4(), t.getT5()))
                                        .toList())
                        .modelAttribute("today", today)
                        .modelAttribute("entered", entered(entered, t.getT3(), t.getT5()))
                        .modelAttribute(
                                "added",
                                t.getT1().stream()
                                        .filter(p -> p.sku().equals(added))
                                        .findFirst()
                                        .orElse(null))
                        .modelAttribute("mayAdd", t.getT6())
                        .build());
    }

    private static Entered entered(
            String id, Map<String, List<LotsInBond.LotView>> lots, Map<Long, LotCodeCounts.Summary> codes) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return null;
        }
        long lotId = Long.parseLong(id);
        return lots.values().stream()
                .flatMap(List::stream)
                .filter(l -> l.id() == lotId)
                .findFirst()
                .map(l -> new Entered(l, codes.getOrDefault(lotId, LotCodeCounts.Summary.NONE)))
                .orElse(null);
    }

    private static ProductStock view(
            Product p,
            Map<String, Integer> available,
            Map<String, List<LotsInBond.LotView>> lots,
            Optional<PositiveListEdition> edition,
            Map<Long, LotCodeCounts.Summary> codes) {
        return new ProductStock(
                p,
                Math.max(0, available.getOrDefault(p.sku(), 0)),
                edition.flatMap(e -> e.lineFor(p.gcode())).isPresent(),
                lots.getOrDefault(p.sku(), List.of()),
                codes);
    }
}
