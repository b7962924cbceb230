package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.customs.CustomsMessages;
import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.ExportListCsv;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The export-return console's two pages, for every controller that shows them: the list page (the export lists to
 * select from, their upload, the returns) and a return's own page (its lines, timeline, customs messages and the
 * actions its state allows). An action comes back to the page it was posted from, which its form names in the hidden
 * field {@value #BACK}.
 */
@Component
class ExportReturnPages {

    static final String BACK = "back";

    static final String FROM_DETAIL = "detail";

    private final ExportLists lists;
    private final ReadingReturns reading;
    private final CodedExportLines coded;
    private final CustomsMessages messages;
    private final Mono<ReturnActions> actions;

    ExportReturnPages(
            ExportLists lists,
            ReadingReturns reading,
            CodedExportLines coded,
            CustomsMessages messages,
            ExportReturnLifecycle lifecycle) {
        this.lists = lists;
        this.reading = reading;
        this.coded = coded;
        this.messages = messages;
        this.actions = ReturnActions.readFrom(lifecycle).cache();
    }

    Mono<Rendering> list(ReturnSelection selection, Map<String, List<RuleProblem>> problems, HttpStatus status) {
        return list(selection, problems, null, status);
    }

    /** @param upload what an export-list upload just did, or null */
    Mono<Rendering> list(
            ReturnSelection selection, Map<String, List<RuleProblem>> problems, ListUpload upload, HttpStatus status) {
        return Mono.zip(lists.all(), reading.all(), coded.all(), actions).map(t -> {
            var page = Rendering.view("console/export-returns")
                    .status(status)
                    .modelAttribute("lists", t.getT1())
                    .modelAttribute("returns", t.getT2())
                    .modelAttribute("coded", t.getT3())
                    .modelAttribute("actions", t.getT4())
                    .modelAttribute("selection", selection)
                    .modelAttribute("problems", problems)
                    .modelAttribute("dispositions", Disposition.values())
                    .modelAttribute("csvColumns", String.join(",", ExportListCsv.COLUMNS));
            if (upload != null) {
                page.modelAttribute("upload", upload);
            }
            return page.build();
        });
    }

    /** A return's own page; an unknown return is the 404 page. */
    Mono<Rendering> detail(String returnNo, List<RuleProblem> problems, HttpStatus status) {
        return Mono.zip(reading.details(returnNo), messages.of(returnNo).collectList(), actions)
                .map(t -> Rendering.view("console/export-return")
                        .status(status)
                        .modelAttribute("exportReturn", t.getT1())
                        .modelAttribute("messages", t.getT2())
                        .modelAttribute("actions", t.getT3())
                        .modelAttribute("problems", problems)
                        .modelAttribute("dispositions", Disposition.values())
                        .build());
    }

    static boolean fromDetail(MultiValueMap<String, String> form) {
        return FROM_DETAIL.equals(form.getFirst(BACK));
    }

    /** An action done: back to the page it was posted from, at the return. */
    static Rendering done(String returnNo, boolean fromDetail) {
        return Rendering.redirectTo(
                        fromDetail
                                ? "/console/export-returns/" + returnNo
                                : "/console/export-returns#return-" + returnNo)
                .build();
    }

    /** An action refused: the page it was posted from, the refusals above it in the page's language. */
    Mono<Rendering> refused(String returnNo, boolean fromDetail, List<RuleProblem> problems) {
        return fromDetail
                ? detail(returnNo, problems, HttpStatus.UNPROCESSABLE_ENTITY)
                : list(ReturnSelection.blank(), Map.of(ReturnSelection.TOP, problems), HttpStatus.UNPROCESSABLE_ENTITY);
    }

    static List<RuleProblem> problems(InvalidInput e) {
        return e.problems().stream()
                .map(p -> RuleProblem.of(p.code(), ReturnSelection.CONTEXT))
                .toList();
    }

    static List<RuleProblem> problems(RulesViolated e) {
        return e.violations().stream()
                .map(v -> RuleProblem.of(v.code().name(), ReturnSelection.CONTEXT))
                .toList();
    }
}
