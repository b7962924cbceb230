package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.shared.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * CBEC retail import tax: duty 0 within the limits, VAT and consumption tax at 70 %, per line on the line's value plus
 * its share of the freight: {@code tax = dutiable × (ct + vat) / (1 − ct) × 0.7}, half-up to the fen. A single
 * indivisible item over the single-transaction limit pays the full general-trade tax instead.
 */
public final class TaxCalculator {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal CBEC_SHARE = new BigDecimal("0.7");

    private final FreightPolicy freightPolicy;

    public TaxCalculator(FreightPolicy freightPolicy) {
        this.freightPolicy = freightPolicy;
    }

    public Pricing price(List<PricedLine> lines) {
        Money goods = lines.stream().map(PricedLine::value).reduce(Money.ZERO, Money::plus);
        Money freight = lines.isEmpty() ? Money.ZERO : freightPolicy.freightFor(goods);
        Money dutiable = goods.plus(freight);
        boolean fullyTaxed = isSingleIndivisibleItem(lines) && dutiable.isGreaterThan(Limits.SINGLE_TRANSACTION);
        List<Money> shares = apportion(freight, lines, goods);
        List<Pricing.Line> priced = new ArrayList<>();
        Money tax = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            PricedLine line = lines.get(i);
            Money lineTax = taxOn(line.value().plus(shares.get(i)), line, fullyTaxed);
            priced.add(new Pricing.Line(line.lineNo(), line.value(), shares.get(i), lineTax));
            tax = tax.plus(lineTax);
        }
        Money total = goods.plus(freight).plus(tax);
        return new Pricing(priced, goods, freight, Money.ZERO, Money.ZERO, tax, total, dutiable, fullyTaxed);
    }

    static boolean isSingleIndivisibleItem(List<PricedLine> lines) {
        return lines.size() == 1 && lines.get(0).quantity() == 1;
    }

    static Money taxOn(Money dutiable, PricedLine line, boolean fullyTaxed) {
        BigDecimal base = dutiable.amount();
        BigDecimal ct = line.consumptionTaxRate();
        if (!fullyTaxed) {
            BigDecimal rate = ct.add(line.vatRate()).divide(BigDecimal.ONE.subtract(ct), PRECISION);
            return Money.of(base.multiply(rate, PRECISION).multiply(CBEC_SHARE, PRECISION));
        }
        BigDecimal duty = base.multiply(line.dutyRate(), PRECISION);
        BigDecimal consumption = base.add(duty).multiply(ct, PRECISION).divide(BigDecimal.ONE.subtract(ct), PRECISION);
        BigDecimal vat = base.add(duty).add(consumption).multiply(line.vatRate(), PRECISION);
        return Money.of(duty.add(consumption).add(vat));
    }

    /** Freight shared in proportion to line value; the last line takes the rounding remainder. */
    private static List<Money> apportion(Money freight, List<PricedLine> lines, Money goods) {
        List<Money> shares = new ArrayList<>();
        Money given = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Money share = i == lines.size() - 1 || goods.amount().signum() == 0
                    ? freight.minus(given)
                    : Money.of(freight.amount()
                            .multiply(lines.get(i).value().amount())
                            .divide(goods.amount(), PRECISION));
            shares.add(share);
            given = given.plus(share);
        }
        return shares;
    }
}
