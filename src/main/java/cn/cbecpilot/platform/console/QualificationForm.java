package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.enterprise.Qualification;
import cn.cbecpilot.platform.enterprise.QualificationType;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.CalendarDays;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's form that records a qualification of one enterprise (a renewal, or a new registration), as typed,
 * with its problems by field.
 */
record QualificationForm(String type, String number, String validFrom, String validUntil) {

    static final String CONTEXT = "qualification";
    private static final Set<String> FIELDS = Set.of("type", "number", "validFrom", "validUntil");

    static QualificationForm blank() {
        return new QualificationForm("", "", "", "");
    }

    Map<String, List<RuleProblem>> problems() {
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        if (kind() == null) {
            add(problems, "type", RuleProblem.of("REQUIRED", CONTEXT));
        }
        if (strip(number).isEmpty()) {
            add(problems, "number", RuleProblem.of("REQUIRED", CONTEXT));
        } else if (strip(number).length() > 64) {
            add(problems, "number", RuleProblem.of("NUMBER_TOO_LONG", CONTEXT, 64));
        }
        LocalDate from = CalendarDays.typed(validFrom);
        LocalDate until = CalendarDays.typed(validUntil);
        if (from == null) {
            add(problems, "validFrom", RuleProblem.of(strip(validFrom).isEmpty() ? "REQUIRED" : "BAD_DAY", CONTEXT));
        }
        if (until == null) {
            add(problems, "validUntil", RuleProblem.of(strip(validUntil).isEmpty() ? "REQUIRED" : "BAD_DAY", CONTEXT));
        } else if (from != null && until.isBefore(from)) {
            add(problems, "validUntil", RuleProblem.of("ENDS_BEFORE_START", CONTEXT));
        }
        return problems;
    }

    /** The qualification; only once {@link #problems()} found none. */
    Qualification toQualification() {
        return new Qualification(kind(), strip(number), CalendarDays.typed(validFrom), CalendarDays.typed(validUntil));
    }

    static Map<String, List<RuleProblem>> refusals(InvalidInput e) {
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        for (InvalidInput.FieldProblem p : e.problems()) {
            add(problems, FIELDS.contains(p.field()) ? p.field() : "top", RuleProblem.of(p.code(), CONTEXT));
        }
        return problems;
    }

    private QualificationType kind() {
        for (QualificationType t : QualificationType.values()) {
            if (t.name().equals(strip(type))) {
                return t;
            }
        }
        return null;
    }

    private static void add(Map<String, List<RuleProblem>> problems, String field, RuleProblem problem) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(problem);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
