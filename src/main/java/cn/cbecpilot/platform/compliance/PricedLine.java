package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.shared.Money;
import java.math.BigDecimal;

/** What the tax of one order line depends on. Rates are fractions (0.13 for 13 %). */
public record PricedLine(
        int lineNo,
        Money unitPrice,
        int quantity,
        BigDecimal vatRate,
        BigDecimal consumptionTaxRate,
        BigDecimal dutyRate) {

    public Money value() {
        return unitPrice.times(quantity);
    }
}
