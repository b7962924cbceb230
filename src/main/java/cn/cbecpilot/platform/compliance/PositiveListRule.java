package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.catalog.ListRemark;
import cn.cbecpilot.platform.catalog.PositiveListLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * POSITIVE_LIST: each line's 10-digit gcode starts with an 8-digit tariff line of the edition in force on the order
 * date, and the line's remark allows the goods (bonded-only lines are always met here, as every order ships from
 * bond; name limits are checked against the product name). Yearly caps of remarks are the QUANTITY rule's.
 */
public final class PositiveListRule implements OrderRule {

    private static final Pattern GCODE = Pattern.compile("\\d{10}");

    @Override
    public List<Violation> check(OrderCheck order) {
        List<Violation> violations = new ArrayList<>();
        for (CheckedLine line : order.knownLines()) {
            String gcode = line.product().gcode();
            if (order.edition() == null) {
                violations.add(Violation.onLine(
                        RuleCode.POSITIVE_LIST,
                        line.lineNo(),
                        "no positive-list edition is in force on " + order.orderDate()));
                continue;
            }
            Optional<PositiveListLine> listed = order.edition().lineFor(gcode);
            if (!GCODE.matcher(gcode).matches() || listed.isEmpty()) {
                violations.add(Violation.onLine(
                        RuleCode.POSITIVE_LIST,
                        line.lineNo(),
                        "gcode " + gcode + " is not on the positive list (edition "
                                + order.edition().edition() + ")"));
                continue;
            }
            ListRemark limits = listed.get().limits();
            if (!limits.allowsName(line.product().name())) {
                violations.add(Violation.onLine(
                        RuleCode.POSITIVE_LIST,
                        line.lineNo(),
                        "tariff line " + listed.get().tariffLine() + " is limited to "
                                + String.join("、", limits.allowedNames())));
            }
        }
        return violations;
    }
}
