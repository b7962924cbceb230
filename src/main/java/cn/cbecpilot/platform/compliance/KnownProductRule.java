package cn.cbecpilot.platform.compliance;

import java.util.List;

/** UNKNOWN_PRODUCT: every line names a SKU the platform sells. */
public final class KnownProductRule implements OrderRule {

    @Override
    public List<Violation> check(OrderCheck order) {
        return order.lines().stream()
                .filter(l -> l.product() == null)
                .map(l -> Violation.onLine(RuleCode.UNKNOWN_PRODUCT, l.lineNo(), "no product with SKU " + l.sku()))
                .toList();
    }
}
