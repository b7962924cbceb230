package cn.cbecpilot.platform.compliance;

import java.util.List;

/** All rules of an order placement, run together so that a refusal names every violation at once. */
public final class OrderCompliance {

    private static final List<OrderRule> RULES = List.of(
            new KnownProductRule(),
            new PositiveListRule(),
            new PilotProductRule(),
            new DualQualificationRule(),
            new IdentityRule(),
            new SingleLimitRule(),
            new AnnualLimitRule(),
            new QuantityRule(),
            new StockRule(),
            new AmountsRule());

    private OrderCompliance() {}

    public static List<Violation> check(OrderCheck order) {
        return RULES.stream().flatMap(rule -> rule.check(order).stream()).toList();
    }
}
