package cn.cbecpilot.platform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.shared.Money;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayerMatchRuleTest {

    private static final String ID = ResidentIds.born(LocalDate.of(1990, 3, 7), 123);
    private static final Buyer BUYER = new Buyer("张三", ID, "13812345678");

    @ParameterizedTest(name = "payer {0}, same id {1}, amount {2}: violations {3}")
    @CsvSource({
        "张三, true, 85.10, 0",
        "李四, true, 85.10, 1",
        "张三, false, 85.10, 1",
        "张三, true, 85.11, 1",
        "李四, false, 1.00, 3",
    })
    void requiresThePayerToBeTheBuyerPayingTheTotal(String payer, boolean sameId, String amount, int expected) {
        String payerId = sameId ? ID : ResidentIds.born(LocalDate.of(1985, 1, 1), 5);
        assertThat(PayerMatchRule.check(BUYER, Money.of("85.10"), payer, payerId, Money.of(amount)))
                .hasSize(expected);
    }
}
