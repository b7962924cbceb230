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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The console's export returns: the export lists with what each line may still return, a batch selection (a quantity
 * per line, and the codes of the returned units where the list recorded codes) applied through the same
 * {@link ApplyingForReturns} as {@code POST /api/export-returns}, and the returns with the tally, disposal and
 * bonded-step buttons their state allows. Those buttons also sit on a return's own page, and come back to it.
 */
@Controller
@HtmlPages
class ExportReturnPageController {

    private final ExportReturnPages pages;
    private final ReadingReturns reading;
    private final ApplyingForReturns applying;
    private final MovingReturns moving;

    ExportReturnPageController(
            ExportReturnPages pages, ReadingReturns reading, ApplyingForReturns applying, MovingReturns moving) {
        this.pages = pages;
        this.reading = reading;
        this.applying = applying;
        this.moving = moving;
    }

    @GetMapping("/console/export-returns")
    Mono<Rendering> page() {
        return pages.list(ReturnSelection.blank(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/console/export-returns")
    Mono<Rendering> apply(ServerWebExchange exchange) {
        return exchange.getFormData().map(ReturnSelection::of).flatMap(selection -> {
            if (!selection.problems().isEmpty()) {
                return pages.list(selection, selection.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
            }
            return applying.apply(selection.toApplication())
                    .map(r -> ExportReturnPages.done(r.returnNo(), false))
                    .onErrorResume(
                            RulesViolated.class,
                            e -> pages.list(
                                    selection, selection.refusals(e.violations()), HttpStatus.UNPROCESSABLE_ENTITY));
        });
    }

    /** The goods arrived as declared: every line counted at its declared quantity with its declared codes. */
    @PostMapping("/console/export-returns/{returnNo}/tally")
    Mono<Rendering> tally(@PathVariable String returnNo, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String location = form.getFirst("location") == null ? "" : form.getFirst("location");
            return reading.details(returnNo)
                    .map(d -> d.lines().stream()
                            .map(l -> new TallyLine(l.exportListNo(), l.gnum(), l.quantity(), l.codes()))
                            .toList())
                    .flatMap(lines -> moving.tally(returnNo, lines, location.isBlank() ? null : location.strip(), null))
                    .transform(done -> outcome(returnNo, form, done));
        });
    }

    /** The disposal form's fields come in the body, which WebFlux does not bind to request parameters. */
    @PostMapping("/console/export-returns/{returnNo}/dispose")
    Mono<Rendering> dispose(@PathVariable String returnNo, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Disposition disposition = disposition(form.getFirst("disposition"));
            if (disposition == null) {
                return pages.refused(
                        returnNo,
                        ExportReturnPages.fromDetail(form),
                        List.of(RuleProblem.of("INVALID_DISPOSITION", ReturnSelection.CONTEXT)));
            }
            boolean rebateRepaid = "true".equals(form.getFirst("rebateRepaid"));
            return moving.dispose(returnNo, disposition, rebateRepaid).transform(done -> outcome(returnNo, form, done));
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
    Mono<Rendering> step(@PathVariable String returnNo, @PathVariable String step, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> Mono.defer(() -> moving.step(returnNo, step))
                .thenReturn(ExportReturnPages.done(returnNo, ExportReturnPages.fromDetail(form))));
    }

    /** Back to the page the action was posted from; a rule's refusal shown there, other errors on the error pages. */
    private Mono<Rendering> outcome(String returnNo, MultiValueMap<String, String> form, Mono<?> action) {
        boolean fromDetail = ExportReturnPages.fromDetail(form);
        return action.thenReturn(ExportReturnPages.done(returnNo, fromDetail))
                .onErrorResume(
                        InvalidInput.class, e -> pages.refused(returnNo, fromDetail, ExportReturnPages.problems(e)))
                .onErrorResume(
                        RulesViolated.class, e -> pages.refused(returnNo, fromDetail, ExportReturnPages.problems(e)));
    }
}
