package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tally of arrived goods against the declared return: each counted line is one of the return's (NOT_ORIGINAL),
 * no more units than declared arrive (QUANTITY), scanned codes are those declared, and the arrival day is within one
 * year of every arriving line's export release (RETURN_WINDOW). Lines not counted arrived with no units.
 *
 * @param violations every violation, by 1-based tally line
 * @param arrived units arrived per return line number
 * @param codes codes scanned per return line number
 */
public record Tally(List<Violation> violations, Map<Integer, Integer> arrived, Map<Integer, List<String>> codes) {

    public static Tally check(LocalDate arrivedOn, List<ReturnedLine> declared, List<TallyLine> counted) {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, Integer> arrived = new LinkedHashMap<>();
        Map<Integer, List<String>> codes = new LinkedHashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            TallyLine t = counted.get(i);
            int lineNo = i + 1;
            List<ReturnedLine> matches = declared.stream()
                    .filter(d -> t.exportListNo() == null || d.exportListNo().equals(t.exportListNo()))
                    .filter(d -> t.gnum() == null || d.gnum() == t.gnum())
                    .toList();
            if (matches.size() != 1) {
                violations.add(Violation.onLine(
                        RuleCode.NOT_ORIGINAL,
                        lineNo,
                        matches.isEmpty()
                                ? "no line of the return matches list " + t.exportListNo() + " line " + t.gnum()
                                : "name the exportListNo and gnum: several lines of the return match"));
                continue;
            }
            ReturnedLine d = matches.get(0);
            arrived.merge(d.lineNo(), t.quantity(), Integer::sum);
            codes.computeIfAbsent(d.lineNo(), n -> new ArrayList<>()).addAll(t.codes());
            if (!ReturnWindow.allows(d.releasedOn(), arrivedOn)) {
                violations.add(Violation.onLine(
                        RuleCode.RETURN_WINDOW,
                        lineNo,
                        "arrived on " + arrivedOn + ", but list " + d.exportListNo() + " was released on "
                                + d.releasedOn() + " and its goods had to be back by "
                                + ReturnWindow.lastArrivalDay(d.releasedOn())));
            }
        }
        for (ReturnedLine d : declared) {
            violations.addAll(
                    lineTotals(d, arrived.getOrDefault(d.lineNo(), 0), codes.getOrDefault(d.lineNo(), List.of())));
        }
        return new Tally(violations, arrived, codes);
    }

    private static List<Violation> lineTotals(ReturnedLine d, int units, List<String> scanned) {
        List<Violation> violations = new ArrayList<>();
        String name = "list " + d.exportListNo() + " line " + d.gnum();
        if (units > d.quantity()) {
            violations.add(Violation.of(
                    RuleCode.QUANTITY, units + " unit(s) of " + name + " counted, " + d.quantity() + " declared"));
        }
        if (d.codes().isEmpty()) {
            return violations;
        }
        if (scanned.size() != units) {
            violations.add(Violation.of(
                    RuleCode.NOT_ORIGINAL,
                    units + " unit(s) of " + name + " counted with " + scanned.size() + " code(s); one per unit"));
        }
        Set<String> seen = new HashSet<>();
        for (String code : scanned) {
            if (!d.codes().contains(code) || !seen.add(code)) {
                violations.add(Violation.of(
                        RuleCode.NOT_ORIGINAL, "code " + code + " is not one declared for " + name + " or is twice"));
            }
        }
        return violations;
    }
}
