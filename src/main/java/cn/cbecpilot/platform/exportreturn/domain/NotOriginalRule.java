package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NOT_ORIGINAL: the returned goods are those exported. The line exists on the list, the stated gcode is the list's,
 * and where the list recorded traceability codes, one code per returned unit is given, each recorded on that line,
 * none twice and none already on another return.
 */
public final class NotOriginalRule implements ReturnRule {

    @Override
    public List<Violation> check(ReturnApplication application) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < application.lines().size(); i++) {
            RequestedLine line = application.lines().get(i);
            int lineNo = i + 1;
            if (application.releasedListOf(line).isEmpty()) {
                continue;
            }
            ExportedLine exported = application.exportedLineOf(line).orElse(null);
            if (exported == null) {
                violations.add(Violation.onLine(
                        RuleCode.NOT_ORIGINAL,
                        lineNo,
                        "export list " + line.exportListNo() + " has no line " + line.gnum()));
                continue;
            }
            if (line.gcode() != null && !line.gcode().equals(exported.gcode())) {
                violations.add(Violation.onLine(
                        RuleCode.NOT_ORIGINAL,
                        lineNo,
                        "gcode " + line.gcode() + " differs from " + exported.gcode() + " exported on line "
                                + line.gnum()));
            }
            violations.addAll(codes(application, line, exported, lineNo, seen));
        }
        return violations;
    }

    /**
     * Codes given for a line: one per unit, each once and on no other return; and, when the list recorded the line's
     * codes, those exported on it. A list that recorded none cannot tell which codes left on it, but the return still
     * names each unit once.
     */
    private static List<Violation> codes(
            ReturnApplication application, RequestedLine line, ExportedLine exported, int lineNo, Set<String> seen) {
        boolean recorded = !exported.codes().isEmpty();
        if (!recorded && line.codes().isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        if (line.codes().size() != line.quantity()) {
            violations.add(Violation.onLine(
                    RuleCode.NOT_ORIGINAL,
                    lineNo,
                    (recorded ? "the list recorded traceability codes: " : "codes given: ") + line.quantity()
                            + " unit(s) need as many codes, " + line.codes().size() + " given"));
        }
        for (String code : line.codes()) {
            String problem = recorded && !exported.codes().contains(code)
                    ? "was not exported on line " + line.gnum() + " of " + line.exportListNo()
                    : !seen.add(code)
                            ? "is given twice"
                            : application.codesOnReturns().contains(code) ? "is already on another return" : null;
            if (problem != null) {
                violations.add(Violation.onLine(RuleCode.NOT_ORIGINAL, lineNo, "code " + code + " " + problem));
            }
        }
        return violations;
    }
}
