package cn.cbecpilot.platform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxCalculatorTest {

    private final TaxCalculator calculator =
            new TaxCalculator(new FreightPolicy(Money.of("10.00"), Money.of("199.00")));

    private static PricedLine line(int no, String price, int qty, String vat, String ct) {
        return new PricedLine(no, Money.of(price), qty, new BigDecimal(vat), new BigDecimal(ct), BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "{0} x {1} at VAT {2}, CT {3}: freight {4}, tax {5}, total {6}")
    @CsvSource({
        // 9.1 % on (goods + freight) for 13 % VAT and no consumption tax
        "68.00, 1, 0.13, 0, 10.00, 7.10, 85.10",
        "68.00, 3, 0.13, 0, 0.00, 18.56, 222.56",
        // rounding half-up to the fen: 100.05 x 0.091 = 9.10455 -> 9.10
        "90.05, 1, 0.13, 0, 10.00, 9.10, 109.15",
        // VAT 9 % (some medical goods): 6.3 % effective
        "199.00, 1, 0.09, 0, 0.00, 12.54, 211.54",
        // consumption tax 15 % (cosmetics): (0.15 + 0.13) / 0.85 x 0.7 = 23.0588 %
        "500.00, 1, 0.13, 0.15, 0.00, 115.29, 615.29",
    })
    void taxesAtSeventyPercentOfVatAndConsumptionTax(
            String price, int qty, String vat, String ct, String freight, String tax, String total) {
        Pricing p = calculator.price(List.of(line(1, price, qty, vat, ct)));

        assertThat(p.freight()).isEqualTo(Money.of(freight));
        assertThat(p.tax()).isEqualTo(Money.of(tax));
        assertThat(p.total()).isEqualTo(Money.of(total));
        assertThat(p.fullyTaxed()).isFalse();
    }

    @Test
    void sharesFreightByLineValueWithTheRemainderOnTheLastLine() {
        Pricing p = calculator.price(List.of(
                line(1, "33.33", 1, "0.13", "0"), line(2, "66.67", 1, "0.13", "0"), line(3, "10.00", 1, "0.13", "0")));

        assertThat(p.freight()).isEqualTo(Money.of("10.00"));
        assertThat(p.lines())
                .extracting(Pricing.Line::freight)
                .containsExactly(Money.of("3.03"), Money.of("6.06"), Money.of("0.91"));
        assertThat(p.lines().stream().map(Pricing.Line::freight).reduce(Money.ZERO, Money::plus))
                .isEqualTo(p.freight());
    }

    @Test
    void taxesASingleIndivisibleItemOverTheSingleLimitInFull() {
        PricedLine hearingAid = new PricedLine(
                1, Money.of("6800.00"), 1, new BigDecimal("0.13"), BigDecimal.ZERO, new BigDecimal("0.04"));

        Pricing p = calculator.price(List.of(hearingAid));

        // duty 6800 x 4 % = 272.00; VAT (6800 + 272) x 13 % = 919.36
        assertThat(p.fullyTaxed()).isTrue();
        assertThat(p.tax()).isEqualTo(Money.of("1191.36"));
        assertThat(p.total()).isEqualTo(Money.of("7991.36"));
    }

    @Test
    void keepsTheCbecRateForTwoUnitsOverTheLimit() {
        Pricing p = calculator.price(List.of(line(1, "2600.00", 2, "0.13", "0")));

        assertThat(p.fullyTaxed()).isFalse();
        assertThat(p.dutiableValue()).isEqualTo(Money.of("5200.00"));
    }

    @Test
    void satisfiesTheCustomsAmountCheck() {
        Pricing p = calculator.price(List.of(line(1, "45.50", 2, "0.13", "0"), line(2, "128.50", 1, "0.13", "0")));

        assertThat(AmountsRule.check(p)).isEmpty();
    }
}
