package cn.cbecpilot.platform.compliance;

import java.util.List;

/**
 * SINGLE_LIMIT: the dutiable value of one order (goods plus freight) is at most RMB 5,000, unless the order is one
 * indivisible item, which may exceed it and is then fully taxed.
 */
public final class SingleLimitRule implements OrderRule {

    @Override
    public List<Violation> check(OrderCheck order) {
        Pricing pricing = order.pricing();
        if (!pricing.dutiableValue().isGreaterThan(Limits.SINGLE_TRANSACTION) || pricing.fullyTaxed()) {
            return List.of();
        }
        return List.of(Violation.of(
                RuleCode.SINGLE_LIMIT,
                "the order's dutiable value " + pricing.dutiableValue() + " exceeds the single-transaction limit of "
                        + Limits.SINGLE_TRANSACTION + " RMB"));
    }
}
