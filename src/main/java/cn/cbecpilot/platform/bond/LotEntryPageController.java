package cn.cbecpilot.platform.bond;

import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.pages.HtmlPages;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The console's form for goods entering bond, through the same {@link EnteringLots} as {@code POST /api/console/lots}:
 * a lot entered goes back to the products page, which names it; a refused one comes back with what was typed and the
 * problems next to their fields, and writes nothing.
 */
@Controller
@HtmlPages
class LotEntryPageController {

    private final EnteringLots entering;
    private final Products products;

    LotEntryPageController(EnteringLots entering, Products products) {
        this.entering = entering;
        this.products = products;
    }

    @GetMapping("/console/lots/new")
    Mono<Rendering> form(@RequestParam(required = false) String sku) {
        return page(LotEntryForm.blank(sku), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/console/lots")
    Mono<Rendering> enter(@ModelAttribute("form") LotEntryForm form) {
        Map<String, List<RuleProblem>> problems = form.problems();
        if (!problems.isEmpty()) {
            return page(form, problems, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return entering.enter(form.toLot())
                .map(entered -> Rendering.redirectTo(
                                "/console/products?entered=" + entered.lotId() + "#lot-" + entered.lotId())
                        .build())
                .onErrorResume(InvalidInput.class, e -> page(form, form.refusals(e), HttpStatus.UNPROCESSABLE_ENTITY));
    }

    private Mono<Rendering> page(LotEntryForm form, Map<String, List<RuleProblem>> problems, HttpStatus status) {
        return products.all()
                .collectSortedList(Comparator.comparing(Product::sku))
                .map(all -> Rendering.view("console/lot-entry")
                        .status(status)
                        .modelAttribute("products", all)
                        .modelAttribute("form", form)
                        .modelAttribute("problems", problems)
                        .build());
    }
}
