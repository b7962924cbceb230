package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.TallyLine;
import cn.cbecpilot.platform.pages.HtmlPages;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The console's export returns: the export lists with what each line may still return, a batch selection (a quantity
 * per line) applied through the same {@link ApplyingForReturns} as {@code POST /api/export-returns}, and the returns
 * with their status and the tally, disposal and bonded-step buttons their state calls for.
 */
@Controller
@HtmlPages
class ExportReturnPageController {

    private final ExportLists lists;
    private final ReadingReturns reading;
    private final ApplyingForReturns applying;
    private final MovingReturns moving;

    ExportReturnPageController(
            ExportLists lists, ReadingReturns reading, ApplyingForReturns applying, MovingReturns moving) {
        this.lists = lists;
        this.reading = reading;
        this.applying = applying;
        this.moving = moving;
    }

    @GetMapping("/console/export-returns")
    Mono<Rendering> page() {
        return page(ReturnSelection.blank(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/console/export-returns")
    Mono<Rendering> apply(ServerWebExchange exchange) {
        return exchange.getFormData().map(ReturnSelection::of).flatMap(selection -> {
            if (!selection.problems().isEmpty()) {
                return page(selection, selection.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
            }
            return applying.apply(selection.toApplication())
                    .map(r -> Rendering.redirectTo("/console/export-returns#return-" + r.returnNo())
                            .build())
                    .onErrorResume(
                            RulesViolated.class,
                            e -> page(selection, selection.refusals(e.violations()), HttpStatus.UNPROCESSABLE_ENTITY));
        });
    }

    /** The goods arrived as declared: every line counted at its declared quantity with its declared codes. */
    @PostMapping("/console/export-returns/{returnNo}/tally")
    Mono<Rendering> tally(@PathVariable String returnNo, ServerWebExchange exchange) {
        return exchange.getFormData()
                .map(form -> form.getFirst("location") == null ? "" : form.getFirst("location"))
                .flatMap(location -> tally(returnNo, location));
    }

    private Mono<Rendering> tally(String returnNo, String location) {
        return reading.details(returnNo)
                .map(d -> d.lines().stream()
                        .map(l -> new TallyLine(l.exportListNo(), l.gnum(), l.quantity(), l.codes()))
                        .toList())
                .flatMap(lines -> moving.tally(returnNo, lines, location.isBlank() ? null : location.strip(), null))
                .thenReturn(back(returnNo))
                .onErrorResume(InvalidInput.class, e -> refused(e))
                .onErrorResume(RulesViolated.class, e -> refused(e));
    }

    /** The disposal form's fields come in the body, which WebFlux does not bind to request parameters. */
    @PostMapping("/console/export-returns/{returnNo}/dispose")
    Mono<Rendering> dispose(@PathVariable String returnNo, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Disposition disposition = disposition(form.getFirst("disposition"));
            if (disposition == null) {
                return page(
                        ReturnSelection.blank(),
                        Map.of(
                                ReturnSelection.TOP,
                                List.of(RuleProblem.of("INVALID_DISPOSITION", ReturnSelection.CONTEXT))),
                        HttpStatus.UNPROCESSABLE_ENTITY);
            }
            boolean rebateRepaid = "true".equals(form.getFirst("rebateRepaid"));
            return moving.dispose(returnNo, disposition, rebateRepaid)
                    .thenReturn(back(returnNo))
                    .onErrorResume(InvalidInput.class, e -> refused(e))
                    .onErrorResume(RulesViolated.class, e -> refused(e));
        });
    }

    private static Disposition disposition(String typed) {
        for (Disposition d : Disposition.values()) {
            if (d.name().equals(typed)) {
                return d;
            }
        }
        return null;
    }

    @PostMapping("/console/export-returns/{returnNo}/steps/{step}")
    Mono<Rendering> step(@PathVariable String returnNo, @PathVariable String step) {
        return Mono.defer(() -> moving.step(returnNo, step)).thenReturn(back(returnNo));
    }

    private static Rendering back(String returnNo) {
        return Rendering.redirectTo("/console/export-returns#return-" + returnNo)
                .build();
    }

    private Mono<Rendering> refused(InvalidInput e) {
        return page(
                ReturnSelection.blank(),
                Map.of(
                        ReturnSelection.TOP,
                        e.problems().stream()
                                .map(p -> RuleProblem.of(p.code(), ReturnSelection.CONTEXT))
                                .toList()),
                HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private Mono<Rendering> refused(RulesViolated e) {
        return page(
                ReturnSelection.blank(),
                Map.of(
                        ReturnSelection.TOP,
                        e.violations().stream()
                                .map(v -> RuleProblem.of(v.code().name(), ReturnSelection.CONTEXT))
                                .toList()),
                HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private Mono<Rendering> page(
            ReturnSelection selection, Map<String, List<RuleProblem>> problems, HttpStatus status) {
        return Mono.zip(lists.all(), reading.all()).map(t -> Rendering.view("console/export-returns")
                .status(status)
                .modelAttribute("lists", t.getT1())
                .modelAttribute("returns", t.getT2())
                .modelAttribute("selection", selection)
                .modelAttribute("problems", problems)
                .modelAttribute("dispositions", Disposition.values())
                .build());
    }
}
