package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.catalog.ListRemark;
import cn.cbecpilot.platform.catalog.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QUANTITY: a SKU's units in one order stay within the product's per-order cap, and the buyer's units of it this year
 * within the product's or the positive-list remark's yearly cap. Lines of the same SKU add up.
 */
public final class QuantityRule implements OrderRule {

    @Override
    public List<Violation> check(OrderCheck order) {
        Map<String, Integer> perSku = new LinkedHashMap<>();
        Map<String, CheckedLine> firstLine = new LinkedHashMap<>();
        for (CheckedLine line : order.knownLines()) {
            perSku.merge(line.sku(), line.quantity(), Integer::sum);
            firstLine.putIfAbsent(line.sku(), line);
        }
        List<Violation> violations = new ArrayList<>();
        perSku.forEach((sku, quantity) -> violations.addAll(capsOf(order, firstLine.get(sku), quantity)));
        return violations;
    }

    private static List<Violation> capsOf(OrderCheck order, CheckedLine line, int quantity) {
        Product product = line.product();
        List<Violation> violations = new ArrayList<>();
        if (product.maxPerOrder() != null && quantity > product.maxPerOrder()) {
            violations.add(Violation.onLine(
                    RuleCode.QUANTITY,
                    line.lineNo(),
                    quantity + " units of " + line.sku() + " exceed the limit of " + product.maxPerOrder()
                            + " per order"));
        }
        int thisYear = line.boughtThisYear() + quantity;
        Integer yearCap = yearlyCap(order, product);
        if (yearCap != null && thisYear > yearCap) {
            violations.add(Violation.onLine(
                    RuleCode.QUANTITY,
                    line.lineNo(),
                    thisYear + " units of " + line.sku() + " this year would exceed the limit of " + yearCap
                            + " per person per year"));
        }
        return violations;
    }

    private static Integer yearlyCap(OrderCheck order, Product product) {
        Integer remarkCap = order.edition() == null
                ? null
                : order.edition()
                        .lineFor(product.gcode())
                        .map(l -> l.limits())
                        .map(ListRemark::maxPerYear)
                        .orElse(null);
        if (remarkCap == null) {
            return product.maxPerYear();
        }
        return product.maxPerYear() == null ? remarkCap : Math.min(remarkCap, product.maxPerYear());
    }
}
