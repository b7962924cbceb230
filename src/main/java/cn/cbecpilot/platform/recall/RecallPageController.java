package cn.cbecpilot.platform.recall;

import cn.cbecpilot.platform.pages.HtmlPages;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.NotFound;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The console's recalls: every campaign with its progress, the form that opens one by SKU and lots (through the same
 * {@link RecallingStock} as {@code POST /api/console/recalls}), and each campaign's page with its affected orders.
 */
@Controller
@HtmlPages
class RecallPageController {

    private final RecallingStock recalling;
    private final RecallViews views;

    RecallPageController(RecallingStock recalling, RecallViews views) {
        this.recalling = recalling;
        this.views = views;
    }

    @GetMapping("/console/recalls")
    Mono<Rendering> list() {
        return page(RecallForm.blank(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/console/recalls")
    Mono<Rendering> open(@ModelAttribute("form") RecallForm form, Mono<Principal> principal) {
        Map<String, List<String>> problems = form.problems();
        if (!problems.isEmpty()) {
            return page(form, problems, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return principal
                .map(Principal::getName)
                .flatMap(operator -> recalling.open(form.toRequest(), operator))
                .map(opened -> Rendering.redirectTo("/console/recalls/" + opened.recallNo())
                        .build())
                .onErrorResume(
                        InvalidInput.class, e -> page(form, RecallForm.refusals(e), HttpStatus.UNPROCESSABLE_ENTITY));
    }

    @GetMapping("/console/recalls/{recallNo}")
    Mono<Rendering> one(@PathVariable String recallNo) {
        return views.details(recallNo)
                .switchIfEmpty(Mono.error(() -> new NotFound("no recall " + recallNo)))
                .map(recall -> Rendering.view("console/recall")
                        .modelAttribute("recall", recall)
                        .build());
    }

    private Mono<Rendering> page(RecallForm form, Map<String, List<String>> problems, HttpStatus status) {
        return views.all().collectList().map(recalls -> Rendering.view("console/recalls")
                .status(status)
                .modelAttribute("recalls", recalls)
                .modelAttribute("form", form)
                .modelAttribute("problems", problems)
                .build());
    }
}
