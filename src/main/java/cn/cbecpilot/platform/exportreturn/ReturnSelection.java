package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.RequestedLine;
import cn.cbecpilot.platform.pages.RuleProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * A batch selection on the export returns page, as typed: a quantity per export list line (field
 * {@code qty.<exportListNo>.<gnum>}, blank for lines not returned), the traceability codes of the returned units for
 * lines whose list recorded codes (field {@code codes.<exportListNo>.<gnum>}, one code per line of the text), the
 * wished disposition and the reason; and the form's key, which the page gives each form it shows, so that the same
 * form sent twice applies once.
 */
record ReturnSelection(
        Map<String, String> quantities, Map<String, String> codes, String disposition, String reason, String key) {

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

    static final String PREFIX = "qty.";

    static final String CODES_PREFIX = "codes.";

    /** As many as the API takes for one line. */
    static final int MAX_CODES = 1000;

    /**
     * The page's own wording of a rule about the whole return is under {@code violation.exportReturn.<code>}; of one
     * about a list line, under {@code violation.exportReturnLine.<code>} with the list number and line as arguments;
     * of the original-goods rule on a line that recorded codes, under {@code violation.exportReturnCodes.<code>}.
     */
    static final String CONTEXT = "exportReturn";

    static final String LINE_CONTEXT = "exportReturnLine";

    static final String CODES_CONTEXT = "exportReturnCodes";

    static ReturnSelection blank() {
        return new ReturnSelection(Map.of(), Map.of(), "", "", UUID.randomUUID().toString());
    }

    static ReturnSelection of(MultiValueMap<String, String> form) {
        Map<String, String> quantities = new LinkedHashMap<>();
        Map<String, String> codes = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
            if (name.startsWith(PREFIX) && !value.isBlank()) {
                quantities.put(name.substring(PREFIX.length()), value.strip());
            }
            // kept even when blank: a codes field on the form says the line's list recorded codes
            if (name.startsWith(CODES_PREFIX)) {
                codes.put(name.substring(CODES_PREFIX.length()), value.strip());
            }
        });
        String key = strip(form.getFirst("key"));
        return new ReturnSelection(
                quantities,
                codes,
                strip(form.getFirst("disposition")),
                strip(form.getFirst("reason")),
                // a form without a usable key still applies, once per sending, under a key of its own
                KEY.matcher(key).matches() ? key : UUID.randomUUID().toString());
    }

    /** What the page shows in a line's field: what was typed for it. */
    public String typed(String exportListNo, int gnum) {
        return quantities.getOrDefault(exportListNo + "." + gnum, "");
    }

    /** What the page shows in a line's codes field: the codes typed for it, as typed. */
    public String typedCodes(String exportListNo, int gnum) {
        return codes.getOrDefault(exportListNo + "." + gnum, "");
    }

    /** Where the page shows a problem that is about no field of its own. */
    static final String TOP = "top";

    /**
     * What is wrong with the form as typed, by where the page shows it: {@code qty.<list>.<gnum>} next to a line's
     * quantity, {@code codes.<list>.<gnum>} under its codes, {@code disposition}, {@code reason}, or {@link #TOP}.
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
        codes.forEach((line, typed) -> codeProblems(line, typed).forEach(p -> add(problems, CODES_PREFIX + line, p)));
        if (!disposition.isEmpty()
                && !List.of("RE_ENTER_DOMESTIC", "BONDED_STORAGE").contains(disposition)) {
            add(problems, "disposition", RuleProblem.of("INVALID_DISPOSITION", CONTEXT));
        }
        if (reason.length() > 500) {
            add(problems, "reason", RuleProblem.of("REASON_TOO_LONG", CONTEXT, 500));
        }
        return problems;
    }

    /** Codes only select units of a line that has a quantity, and must each look like a code. */
    private List<RuleProblem> codeProblems(String line, String typed) {
        List<String> given = split(typed);
        if (given.isEmpty()) {
            return List.of();
        }
        if (!quantities.containsKey(line)) {
            return List.of(RuleProblem.of("CODES_WITHOUT_QUANTITY", CONTEXT));
        }
        if (given.size() > MAX_CODES) {
            return List.of(RuleProblem.of("TOO_MANY_CODES", CONTEXT, MAX_CODES));
        }
        return given.stream()
                .filter(code -> !code.matches(ExportReturnApi.CODE))
                .map(code -> RuleProblem.of("INVALID_CODE", CONTEXT, code))
                .toList();
    }

    /**
     * The rules' refusals of this selection, each next to the field of the line it is about (the application's lines
     * are the typed quantities, in form order): a refusal of the original goods under the codes of a line that has
     * codes, since the page states no gcode and so only the codes can be at fault; the others next to the quantity,
     * and those about no line above the form.
     */
    Map<String, List<RuleProblem>> refusals(List<Violation> violations) {
        List<String> lines = List.copyOf(quantities.keySet());
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        for (Violation v : violations) {
            Integer line = v.line();
            if (line != null && line >= 1 && line <= lines.size()) {
                String key = lines.get(line - 1);
                int dot = key.lastIndexOf('.');
                boolean aboutCodes = v.code() == RuleCode.NOT_ORIGINAL && codes.containsKey(key);
                add(
                        problems,
                        (aboutCodes ? CODES_PREFIX : PREFIX) + key,
                        RuleProblem.of(
                                v.code().name(),
                                aboutCodes ? CODES_CONTEXT : LINE_CONTEXT,
                                key.substring(0, dot),
                                key.substring(dot + 1)));
            } else {
                add(problems, TOP, RuleProblem.of(v.code().name(), CONTEXT));
            }
        }
        return problems;
    }

    private static void add(Map<String, List<RuleProblem>> problems, String place, RuleProblem problem) {
        // a line with several wrong codes breaks the same rule several times; the page says so once
        List<RuleProblem> at = problems.computeIfAbsent(place, p -> new ArrayList<>());
        if (!at.contains(problem)) {
            at.add(problem);
        }
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
                            split(codes.getOrDefault(e.getKey(), "")));
                })
                .toList();
        return new ApplyingForReturns.Application(
                lines,
                disposition.isEmpty() ? null : Disposition.valueOf(disposition),
                reason.isEmpty() ? null : reason,
                null,
                key);
    }

    /** One code per line as asked; spaces and commas also part codes, since a code holds neither. */
    static List<String> split(String typed) {
        return Arrays.stream(typed.strip().split("[\\s,;]+"))
                .filter(c -> !c.isEmpty())
                .toList();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
