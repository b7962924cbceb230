package cn.cbecpilot.platform.compliance;

import java.util.List;

/**
 * AMOUNTS: the amount paid equals goods value plus freight plus tax minus discount, the arithmetic customs runs on
 * every CEB311 ({@code acturalPaid = goodsValue + freight + taxTotal - discount}).
 */
public final class AmountsRule implements OrderRule {

    @Override
    public List<Violation> check(OrderCheck order) {
        return check(order.pricing());
    }

    public static List<Violation> check(Pricing p) {
        var expected = p.goodsValue().plus(p.freight()).plus(p.tax()).minus(p.discount());
        if (expected.compareTo(p.total()) == 0 && !p.total().isNegative()) {
            return List.of();
        }
        return List.of(Violation.of(
                RuleCode.AMOUNTS,
                "amount paid " + p.total() + " differs from goods " + p.goodsValue() + " + freight " + p.freight()
                        + " + tax " + p.tax() + " - discount " + p.discount() + " = " + expected));
    }
}
