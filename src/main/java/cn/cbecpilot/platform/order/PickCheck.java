package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.trace.TraceCode;
import cn.cbecpilot.platform.trace.TraceCodeParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether scanned codes may be bound to an order's lines, and to which: every reason a code is refused, each under its
 * own rule code and naming the scanned unit ({@code codes[i]}), so that the picker knows which label to look at.
 *
 * <ul>
 *   <li>the parser's code ({@code WRONG_LENGTH}, {@code BAD_CHECK_DIGIT}...) for a text that is no code;
 *   <li>{@code DUPLICATE_CODE} for a unit scanned a second time, in any form;
 *   <li>{@code TRACE_CODE_UNKNOWN} for a code no unit in bond carries;
 *   <li>{@code TRACE_CODE_WRONG_SKU} for a unit of a SKU the order does not have;
 *   <li>{@code TRACE_CODE_RECALLED} for a unit blocked by a recall, or of a recalled lot;
 *   <li>{@code TRACE_CODE_TAKEN} for a unit bound to another order;
 *   <li>{@code TRACE_CODE_RETURNED} for a unit a consumer returned, which is not sold again;
 *   <li>{@code TRACE_CODE_EXPIRED} for a unit past its expiry;
 *   <li>{@code TRACE_CODE_COUNT} for more units of a SKU than its lines take, or a scan short of the order's units.
 * </ul>
 */
final class PickCheck {

    private PickCheck() {}

    /** The scanned texts read: a code, or the parser's refusal, by place. */
    static List<TraceCodeParser.Result> read(List<String> scanned) {
        return scanned.stream().map(TraceCodeParser::parse).toList();
    }

    /**
     * Answers the problems of the scanned codes; when there are none, {@code lineOf} holds for each code the index
     * of the line it goes to.
     *
     * @param found for each scanned text, the unit its code names (empty when the text is no code or no unit has it)
     */
    static List<FieldProblem> check(
            List<OrderLineRow> lines,
            List<String> scanned,
            List<TraceCodeParser.Result> read,
            List<Optional<UnitCodes.UnitCode>> found,
            LocalDate today,
            List<Integer> lineOf) {
        int[] open = lines.stream().mapToInt(OrderLineRow::quantity).toArray();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < scanned.size(); i++) {
            String field = "codes[" + i + "]";
            lineOf.add(-1);
            if (read.get(i) instanceof TraceCodeParser.Refused refused) {
                problems.add(new FieldProblem(
                        refused.problem().name(), field, "'" + scanned.get(i) + "' is no code: " + refused.reason()));
                continue;
            }
            TraceCode code = read.get(i).orElseThrow();
            Integer first = seen.putIfAbsent(code.key(), i);
            if (first != null) {
                problems.add(new FieldProblem(
                        "DUPLICATE_CODE",
                        field,
                        "code " + code.canonical() + " was scanned before (codes[" + first + "]): one scan per unit"));
                continue;
            }
            Optional<UnitCodes.UnitCode> unit = found.get(i);
            if (unit.isEmpty()) {
                problems.add(new FieldProblem("TRACE_CODE_UNKNOWN", field, "no unit has code " + code.canonical()));
                continue;
            }
            UnitCodes.UnitCode c = unit.get();
            Optional<FieldProblem> refused = refusal(lines, c, today, field);
            if (refused.isPresent()) {
                problems.add(refused.get());
                continue;
            }
            int line = lineFor(lines, open, c.sku());
            if (line < 0) {
                problems.add(new FieldProblem(
                        "TRACE_CODE_COUNT",
                        field,
                        "code " + c.raw() + " is one unit of " + c.sku() + " more than the order's lines take"));
                continue;
            }
            open[line]--;
            lineOf.set(i, line);
        }
        int units = lines.stream().mapToInt(OrderLineRow::quantity).sum();
        if (scanned.size() < units) {
            problems.add(new FieldProblem(
                    "TRACE_CODE_COUNT",
                    "codes",
                    "the order has " + units + " units: scan " + units + " different codes, one per unit; "
                            + scanned.size() + " were scanned"));
        }
        return problems;
    }

    /** Why this unit can be bound to none of the order's lines, if it cannot. */
    private static Optional<FieldProblem> refusal(
            List<OrderLineRow> lines, UnitCodes.UnitCode c, LocalDate today, String field) {
        if (lines.stream().noneMatch(l -> l.sku().equals(c.sku()))) {
            return problem(
                    "TRACE_CODE_WRONG_SKU",
                    field,
                    "code " + c.raw() + " is a unit of " + c.sku() + ", which the order does not have");
        }
        if (c.recalled() || "RECALLED".equals(c.status())) {
            return problem("TRACE_CODE_RECALLED", field, "code " + c.raw() + " is blocked by a recall");
        }
        if (c.orderNo() != null && !"RETURNED".equals(c.status())) {
            return problem("TRACE_CODE_TAKEN", field, "code " + c.raw() + " is bound to another order");
        }
        if ("RETURNED".equals(c.status())) {
            return problem(
                    "TRACE_CODE_RETURNED",
                    field,
                    "code " + c.raw() + " was returned by a consumer and is not sold again");
        }
        if (!"IN_BOND".equals(c.status())) {
            return problem("TRACE_CODE_UNAVAILABLE", field, "code " + c.raw() + " is " + c.status());
        }
        if (c.expiry().isBefore(today)) {
            return problem("TRACE_CODE_EXPIRED", field, "code " + c.raw() + " expired " + c.expiry());
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> problem(String code, String field, String message) {
        return Optional.of(new FieldProblem(code, field, message));
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
