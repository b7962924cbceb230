package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.shared.Money;
import java.util.List;

/**
 * ANNUAL_LIMIT: what the buyer's ID has used this calendar year plus this order stays within RMB 26,000. Unpaid
 * orders count too, so that unpaid orders cannot be used to slip past the limit.
 */
public final class AnnualLimitRule implements OrderRule {

    @Override
    public List<Violation> check(OrderCheck order) {
        Money after = order.buyerYearToDate().plus(order.pricing().dutiableValue());
        if (!after.isGreaterThan(Limits.ANNUAL)) {
            return List.of();
        }
        Money room = Limits.ANNUAL.minus(order.buyerYearToDate());
        return List.of(Violation.of(
                RuleCode.ANNUAL_LIMIT,
                "the buyer has " + (room.isNegative() ? Money.ZERO : room) + " RMB left of the annual limit of "
                        + Limits.ANNUAL + " RMB; this order needs "
                        + order.pricing().dutiableValue()));
    }
}
