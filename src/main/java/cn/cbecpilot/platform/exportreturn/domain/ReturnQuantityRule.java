package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QUANTITY: the units asked back of an export line, over all lines of the application that name it, are at most those
 * exported less those already on other returns.
 */
public final class ReturnQuantityRule implements ReturnRule {

    @Override
    public List<Violation> check(ReturnApplication application) {
        Map<String, Integer> asked = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        Map<String, ExportedLine> exported = new LinkedHashMap<>();
        for (int i = 0; i < application.lines().size(); i++) {
            RequestedLine line = application.lines().get(i);
            int lineNo = i + 1;
            application.exportedLineOf(line).ifPresent(e -> {
                String key = line.exportListNo() + " line " + line.gnum();
                asked.merge(key, line.quantity(), Integer::sum);
                firstLine.putIfAbsent(key, lineNo);
                exported.put(key, e);
            });
        }
        List<Violation> violations = new ArrayList<>();
        asked.forEach((key, quantity) -> {
            ExportedLine e = exported.get(key);
            if (quantity > e.returnable()) {
                violations.add(Violation.onLine(
                        RuleCode.QUANTITY,
                        firstLine.get(key),
                        quantity + " unit(s) of " + key + " asked back; " + e.exported() + " exported, " + e.returned()
                                + " already on returns, " + e.returnable() + " left"));
            }
        });
        return violations;
    }
}
