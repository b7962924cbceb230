package cn.cbecpilot.platform.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalPlacesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static CheckoutForm form(String name, String id, String phone) {
        return new CheckoutForm(CheckoutForm.newKey(), name, id, phone, "张三", "13812345678", "北京市朝阳区建国路88号");
    }

    @Test
    void identityViolationOfABadIdGoesNextToTheIdNumber() {
        var problems = RefusalPlaces.of(
                List.of(Violation.of(RuleCode.IDENTITY, "the ID number's check character is wrong")),
                form("张三", "110105199003071230", "13812345678"),
                TODAY);

        assertThat(problems.at("buyerIdNumber"))
                .extracting(FormProblems.Problem::key)
                .containsExactly("violation.IDENTITY.idNumber.invalid");
        assertThat(problems.has(FormProblems.TOP)).isFalse();
    }

    @Test
    void twoIdentityViolationsGoToTheNameAndTheIdNumber() {
        var problems = RefusalPlaces.of(
                List.of(
                        Violation.of(RuleCode.IDENTITY, "the buyer's real name is missing"),
                        Violation.of(RuleCode.IDENTITY, "the ID number must be 18 characters")),
                form("", "12345", "13812345678"),
                TODAY);

        assertThat(problems.at("buyerName"))
                .extracting(FormProblems.Problem::key)
                .containsExactly("form.required");
        assertThat(problems.at("buyerIdNumber"))
                .extracting(FormProblems.Problem::key)
                .containsExactly("violation.IDENTITY.idNumber.format");
    }

    @Test
    void lineViolationsGoToTheirLineAndLimitsToTheTop() {
        var problems = RefusalPlaces.of(
                List.of(
                        Violation.onLine(RuleCode.STOCK, 2, "3 units ordered, 1 available"),
                        Violation.of(RuleCode.SINGLE_LIMIT, "over 5000")),
                form("张三", "110105199003071234", "13812345678"),
                TODAY);

        assertThat(problems.at("line.2")).extracting(FormProblems.Problem::code).containsExactly("STOCK");
        assertThat(problems.at(FormProblems.TOP))
                .extracting(FormProblems.Problem::code)
                .containsExactly("SINGLE_LIMIT");
        assertThat(problems.count()).isEqualTo(2);
    }
}
