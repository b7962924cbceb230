package cn.cbecpilot.platform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.shared.Money;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic customs runs on every CEB311: acturalPaid = goodsValue + freight + taxTotal - discount. */
class AmountsRuleTest {

    @ParameterizedTest(name = "{0} + {1} + {2} - {3} = {4}: {5}")
    @CsvSource({
        "128.00, 10.00, 12.41, 0.00, 150.41, true",
        "128.00, 10.00, 12.41, 5.00, 145.41, true",
        "128.00, 10.00, 12.41, 0.00, 150.40, false",
        "128.00, 10.00, 12.41, 0.00, 150.42, false",
        "128.00, 10.00, 12.41, 5.00, 150.41, false",
        "0.00, 0.00, 0.00, 10.00, -10.00, false"
    })
    void acceptsOnlyATotalThatIsGoodsPlusFreightPlusTaxLessDiscount(
            String goods, String freight, String tax, String discount, String total, boolean accepted) {
        Pricing pricing = new Pricing(
                List.of(),
                Money.of(goods),
                Money.of(freight),
                Money.ZERO,
                Money.of(discount),
                Money.of(tax),
                Money.of(total),
                Money.of(goods),
                false);

        List<Violation> violations = AmountsRule.check(pricing);

        if (accepted) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations)
                    .singleElement()
                    .satisfies(v -> assertThat(v.code()).isEqualTo(RuleCode.AMOUNTS))
                    .satisfies(v -> assertThat(v.message()).contains(total));
        }
    }
}
