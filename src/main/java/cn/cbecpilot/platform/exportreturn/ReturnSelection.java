package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.RequestedLine;
import cn.cbecpilot.platform.pages.RuleProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A batch selection on the export returns page, as typed: a quantity per export list line (field
 * {@code qty.<exportListNo>.<gnum>}, blank for lines not returned), the wished disposition and the reason.
 */
record ReturnSelection(Map<String, String> quantities, String disposition, String reason) {

    static final String PREFIX = "qty.";

    /**
     * The page's own wording of a rule about the whole return is under {@code violation.exportReturn.<code>}; of one
     * about a list line, under {@code violation.exportReturnLine.<code>} with the list number and line as arguments.
     */
    static final String CONTEXT = "exportReturn";

    static final String LINE_CONTEXT = "exportReturnLine";

    static ReturnSelection blank() {
        return new ReturnSelection(Map.of(), "", "");
    }

    static ReturnSelection of(MultiValueMap<String, String> form) {
        Map<String, String> quantities = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(PREFIX) && !values.isEmpty() && !values.get(0).isBlank()) {
                quantities.put(name.substring(PREFIX.length()), values.get(0).strip());
            }
        });
        return new ReturnSelection(quantities, strip(form.getFirst("disposition")), strip(form.getFirst("reason")));
    }

    /** What the page shows in a line's field: what was typed for it. */
    public String typed(String exportListNo, int gnum) {
        return quantities.getOrDefault(exportListNo + "." + gnum, "");
    }

    /** Where the page shows a problem that is about no field of its own. */
    static final String TOP = "top";

    /**
     * What is wrong with the form as typed, by where the page shows it: {@code qty.<list>.<gnum>} next to a line's
     * quantity, {@code disposition}, {@code reason}, or {@link #TOP}.
     */
    Map<String, List<RuleProblem>> problems() {
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        if (quantities.isEmpty()) {
            add(problems, TOP, RuleProblem.of("NOTHING_SELECTED", CONTEXT));
        }
        quantities.forEach((line, quantity) -> {
            if (!quantity.matches("\\d{1,6}") || Integer.parseInt(quantity) < 1 || line.lastIndexOf('.') < 1) {
                add(problems, PREFIX + line, RuleProblem.of("INVALID_QUANTITY", CONTEXT, quantity));
            }
        });
        if (!disposition.isEmpty()
                && !List.of("RE_ENTER_DOMESTIC", "BONDED_STORAGE").contains(disposition)) {
            add(problems, "disposition", RuleProblem.of("INVALID_DISPOSITION", CONTEXT));
        }
        if (reason.length() > 500) {
            add(problems, "reason", RuleProblem.of("REASON_TOO_LONG", CONTEXT, 500));
        }
        return problems;
    }

    /**
     * The rules' refusals of this selection, each next to the quantity of the line it is about (the application's
     * lines are the typed quantities, in form order), the others above the form.
     */
    Map<String, List<RuleProblem>> refusals(List<Violation> violations) {
        List<String> lines = List.copyOf(quantities.keySet());
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        for (Violation v : violations) {
            Integer line = v.line();
            if (line != null && line >= 1 && line <= lines.size()) {
                String key = lines.get(line - 1);
                int dot = key.lastIndexOf('.');
                add(
                        problems,
                        PREFIX + key,
                        RuleProblem.of(v.code().name(), LINE_CONTEXT, key.substring(0, dot), key.substring(dot + 1)));
            } else {
                add(problems, TOP, RuleProblem.of(v.code().name(), CONTEXT));
            }
        }
        return problems;
    }

    private static void add(Map<String, List<RuleProblem>> problems, String place, RuleProblem problem) {
        problems.computeIfAbsent(place, p -> new ArrayList<>()).add(problem);
    }

    ApplyingForReturns.Application toApplication() {
        List<RequestedLine> lines = quantities.entrySet().stream()
                .map(e -> {
                    int dot = e.getKey().lastIndexOf('.');
                    return new RequestedLine(
                            e.getKey().substring(0, dot),
                            Integer.parseInt(e.getKey().substring(dot + 1)),
                            null,
                            Integer.parseInt(e.getValue()),
                            List.of());
                })
                .toList();
        return new ApplyingForReturns.Application(
                lines,
                disposition.isEmpty() ? null : Disposition.valueOf(disposition),
                reason.isEmpty() ? null : reason,
                null);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
