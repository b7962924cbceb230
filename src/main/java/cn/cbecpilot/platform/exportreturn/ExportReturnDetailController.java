package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.pages.HtmlPages;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A return's own console page: its lines, its timeline, every customs message sent and received for it, and the
 * actions its state allows; among them declaring a rejected return again, as {@code POST
 * /api/console/export-returns/{returnNo}/redeclare} does, with an optional corrected reason.
 */
@Controller
@HtmlPages
class ExportReturnDetailController {

    /** As long as the API's corrected reason may be. */
    static final int MAX_REASON = 500;

    private final ExportReturnPages pages;
    private final ApplyingForReturns applying;

    ExportReturnDetailController(ExportReturnPages pages, ApplyingForReturns applying) {
        this.pages = pages;
        this.applying = applying;
    }

    @GetMapping("/console/export-returns/{returnNo}")
    Mono<Rendering> detail(@PathVariable String returnNo) {
        return pages.detail(returnNo, List.of(), HttpStatus.OK);
    }

    @PostMapping("/console/export-returns/{returnNo}/redeclare")
    Mono<Rendering> redeclare(@PathVariable String returnNo, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            boolean fromDetail = ExportReturnPages.fromDetail(form);
            String reason = form.getFirst("reason") == null
                    ? ""
                    : form.getFirst("reason").strip();
            if (reason.length() > MAX_REASON) {
                return pages.refused(
                        returnNo,
                        fromDetail,
                        List.of(RuleProblem.of("REASON_TOO_LONG", ReturnSelection.CONTEXT, MAX_REASON)));
            }
            var corrections = new ExportReturnApi.RedeclareRequest(reason.isEmpty() ? null : reason, null);
            return applying.redeclare(returnNo, corrections)
                    .thenReturn(ExportReturnPages.done(returnNo, fromDetail))
                    .onErrorResume(
                            InvalidInput.class, e -> pages.refused(returnNo, fromDetail, ExportReturnPages.problems(e)))
                    .onErrorResume(
                            RulesViolated.class,
                            e -> pages.refused(returnNo, fromDetail, ExportReturnPages.problems(e)));
        });
    }
}
