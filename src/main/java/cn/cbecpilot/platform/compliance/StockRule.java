package cn.cbecpilot.platform.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** STOCK: the bond holds enough unreserved, unexpired, unrecalled units of each SKU ordered. */
public final class StockRule implements OrderRule {

    @Override
    public List<Violation> check(OrderCheck order) {
        Map<String, Integer> perSku = new LinkedHashMap<>();
        Map<String, CheckedLine> firstLine = new LinkedHashMap<>();
        for (CheckedLine line : order.knownLines()) {
            perSku.merge(line.sku(), line.quantity(), Integer::sum);
            firstLine.putIfAbsent(line.sku(), line);
        }
        List<Violation> violations = new ArrayList<>();
        perSku.forEach((sku, quantity) -> {
            CheckedLine line = firstLine.get(sku);
            if (quantity > line.availableStock()) {
                violations.add(Violation.onLine(
                        RuleCode.STOCK,
                        line.lineNo(),
                        quantity + " units of " + sku + " ordered, " + Math.max(0, line.availableStock())
                                + " available in bond"));
            }
        });
        return violations;
    }
}
