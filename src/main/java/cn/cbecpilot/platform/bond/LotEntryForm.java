package cn.cbecpilot.platform.bond;

import cn.cbecpilot.platform.bond.EnteringLots.NewLot;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.CalendarDays;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's form for goods entering bond, as typed, with its problems by field: the form's own checks, or the
 * entry's refusals put next to the field they name. The codes come one a line, as a scanner types them; none typed
 * means the units are labelled with codes issued here.
 */
record LotEntryForm(String sku, String batchNo, String expiry, String quantity, String codes) {

    static final String CONTEXT = "lot";
    private static final Set<String> FIELDS = Set.of("sku", "batchNo", "expiry", "quantity", "codes");

    static LotEntryForm blank(String sku) {
        return new LotEntryForm(sku == null ? "" : sku, "", "", "", "");
    }

    List<String> codeLines() {
        return codes == null
                ? List.of()
                : Arrays.stream(codes.split("\\R"))
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .toList();
    }

    Map<String, List<RuleProblem>> problems() {
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        if (strip(sku).isEmpty()) {
            add(problems, "sku", RuleProblem.of("REQUIRED", CONTEXT));
        }
        if (strip(batchNo).isEmpty()) {
            add(problems, "batchNo", RuleProblem.of("REQUIRED", CONTEXT));
        } else if (!strip(batchNo).matches(EnteringLots.BATCH_NO)) {
            add(problems, "batchNo", RuleProblem.of("BAD_BATCH", CONTEXT));
        }
        if (strip(expiry).isEmpty()) {
            add(problems, "expiry", RuleProblem.of("REQUIRED", CONTEXT));
        } else if (CalendarDays.typed(expiry) == null) {
            add(problems, "expiry", RuleProblem.of("BAD_DAY", CONTEXT));
        }
        if (strip(quantity).isEmpty()) {
            add(problems, "quantity", RuleProblem.of("REQUIRED", CONTEXT));
        } else if (units() == null) {
            add(problems, "quantity", RuleProblem.of("BAD_QUANTITY", CONTEXT, EnteringLots.MAX_QUANTITY));
        }
        List<String> lines = codeLines();
        if (lines.size() > EnteringLots.MAX_QUANTITY) {
            add(problems, "codes", RuleProblem.of("TOO_MANY_CODES", CONTEXT, EnteringLots.MAX_QUANTITY));
        }
        lines.stream()
                .filter(c -> c.length() > EnteringLots.MAX_CODE_LENGTH)
                .findFirst()
                .ifPresent(c -> add(
                        problems,
                        "codes",
                        RuleProblem.of(
                                "CODE_TOO_LONG", CONTEXT, c.substring(0, 20) + "…", EnteringLots.MAX_CODE_LENGTH)));
        return problems;
    }

    /** The lot to enter; only once {@link #problems()} found none. */
    NewLot toLot() {
        List<String> lines = codeLines();
        return new NewLot(
                strip(sku), strip(batchNo), CalendarDays.typed(expiry), units(), lines.isEmpty() ? null : lines);
    }

    /**
     * The entry's refusals next to the field they name; a code's problem repeats the code typed on that line (the API
     * names it {@code codes[i]}, the i-th code typed).
     */
    Map<String, List<RuleProblem>> refusals(InvalidInput e) {
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        List<String> lines = codeLines();
        for (InvalidInput.FieldProblem p : e.problems()) {
            String field = p.field() == null ? "top" : p.field().startsWith("codes") ? "codes" : p.field();
            add(
                    problems,
                    FIELDS.contains(field) ? field : "top",
                    field.equals("codes") ? RuleProblem.of(p, CONTEXT, lines) : RuleProblem.of(p.code(), CONTEXT));
        }
        return problems;
    }

    private Integer units() {
        String typed = strip(quantity);
        if (!typed.matches("[0-9]{1,6}")) {
            return null;
        }
        int units = Integer.parseInt(typed);
        return units >= 1 && units <= EnteringLots.MAX_QUANTITY ? units : null;
    }

    private static void add(Map<String, List<RuleProblem>> problems, String field, RuleProblem problem) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(problem);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
