package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.Enterprises;
import cn.cbecpilot.platform.enterprise.Role;
import cn.cbecpilot.platform.pages.HtmlPages;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.InvalidInput;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The console's form that adds a product, through the same {@link AddingProducts} as {@code POST
 * /api/console/products}: a product added goes back to the products page, which names it; a refused one comes back
 * with what was typed and each problem next to its field, and adds nothing.
 */
@Controller
@HtmlPages
class ProductPageController {

    private final AddingProducts adding;
    private final Enterprises enterprises;
    private final Validator validator;

    ProductPageController(AddingProducts adding, Enterprises enterprises, Validator validator) {
        this.adding = adding;
        this.enterprises = enterprises;
        this.validator = validator;
    }

    @GetMapping("/console/products/new")
    Mono<Rendering> form() {
        return page(ProductForm.blank(adding.defaultSeller()), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/console/products")
    Mono<Rendering> add(@ModelAttribute("form") ProductForm form) {
        Map<String, List<RuleProblem>> problems = form.problems(validator);
        if (!problems.isEmpty()) {
            return page(form, problems, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return adding.add(form.toProduct())
                .map(added -> Rendering.redirectTo("/console/products?added=" + added.sku() + "#product-" + added.sku())
                        .build())
                .onErrorResume(
                        InvalidInput.class, e -> page(form, ProductForm.refusals(e), HttpStatus.UNPROCESSABLE_ENTITY));
    }

    private Mono<Rendering> page(ProductForm form, Map<String, List<RuleProblem>> problems, HttpStatus status) {
        return enterprises
                .all()
                .filter(e -> e.has(Role.SELLER))
                .collectSortedList(Comparator.comparing(Enterprise::code))
                .map(sellers -> Rendering.view("console/product-new")
                        .status(status)
                        .modelAttribute("form", form)
                        .modelAttribute("problems", problems)
                        .modelAttribute("categories", Category.values())
                        .modelAttribute("sellers", sellers)
                        .build());
    }
}
