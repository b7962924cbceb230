package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.compliance.Limits;
import cn.cbecpilot.platform.shared.Money;
import java.util.List;

/** The cart priced as the order would be: each line's value and tax, freight, and the order's totals. */
record CartView(
        List<Line> lines,
        Money goodsValue,
        Money freight,
        Money tax,
        Money total,
        Money dutiableValue,
        boolean fullyTaxed) {

    CartView {
        lines = List.copyOf(lines);
    }

    record Line(
            int lineNo, String sku, String name, int quantity, Money unitPrice, Money value, Money tax, int stock) {}

    static CartView empty() {
        return new CartView(List.of(), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, false);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Over the single-transaction limit and not one indivisible item: the order would be refused. */
    public boolean overSingleLimit() {
        return dutiableValue.isGreaterThan(Limits.SINGLE_TRANSACTION) && !fullyTaxed;
    }
}
