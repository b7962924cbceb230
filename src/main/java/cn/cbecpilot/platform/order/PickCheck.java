package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether scanned codes may be bound to an order's lines, and to which: every reason a code is refused. */
final class PickCheck {

    private PickCheck() {}

    /**
     * Answers the problems of the scanned codes; when there are none, {@code lineOf} holds for each code the index
     * of the line it goes to.
     */
    static List<FieldProblem> check(
            List<OrderLineRow> lines,
            List<String> scanned,
            List<Optional<UnitCodes.UnitCode>> found,
            LocalDate today,
            List<Integer> lineOf) {
        int[] open = lines.stream().mapToInt(OrderLineRow::quantity).toArray();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < scanned.size(); i++) {
            String field = "codes[" + i + "]";
            Optional<UnitCodes.UnitCode> code = found.get(i);
            if (code.isEmpty()) {
                problems.add(new FieldProblem("TRACE_CODE_UNKNOWN", field, "no unit has code " + scanned.get(i)));
                continue;
            }
            UnitCodes.UnitCode c = code.get();
            int line = lineFor(lines, open, c.sku());
            if (line < 0) {
                problems.add(new FieldProblem(
                        "TRACE_CODE_WRONG_SKU",
                        field,
                        "code " + c.raw() + " is a unit of " + c.sku() + ", not needed"));
            } else if (!"IN_BOND".equals(c.status())) {
                problems.add(
                        new FieldProblem("TRACE_CODE_UNAVAILABLE", field, "code " + c.raw() + " is " + c.status()));
            } else if (c.recalled()) {
                problems.add(
                        new FieldProblem("TRACE_CODE_RECALLED", field, "code " + c.raw() + " is of a recalled lot"));
            } else if (c.expiry().isBefore(today)) {
                problems.add(
                        new FieldProblem("TRACE_CODE_EXPIRED", field, "code " + c.raw() + " expired " + c.expiry()));
            } else {
                open[line]--;
                lineOf.add(line);
                continue;
            }
            lineOf.add(-1);
        }
        return problems;
    }

    private static int lineFor(List<OrderLineRow> lines, int[] open, String sku) {
        for (int i = 0; i < lines.size(); i++) {
            if (open[i] > 0 && lines.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }
}
