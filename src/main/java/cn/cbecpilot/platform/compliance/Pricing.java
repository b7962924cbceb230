package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.shared.Money;
import java.util.List;

/**
 * The amounts of an order as customs checks them: {@code total = goodsValue + freight + tax - discount} (the
 * {@code acturalPaid} of CEB311), and the dutiable value the limits apply to.
 *
 * @param fullyTaxed true for the single indivisible item over the single-transaction limit, which pays full duty, VAT
 *     and consumption tax instead of the 70 % CBEC rate
 */
public record Pricing(
        List<Line> lines,
        Money goodsValue,
        Money freight,
        Money insurance,
        Money discount,
        Money tax,
        Money total,
        Money dutiableValue,
        boolean fullyTaxed) {

    public Pricing {
        lines = List.copyOf(lines);
    }

    /** One line's value, its share of the freight, and its tax. */
    public record Line(int lineNo, Money value, Money freight, Money tax) {}

    public Line line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow();
    }
}
