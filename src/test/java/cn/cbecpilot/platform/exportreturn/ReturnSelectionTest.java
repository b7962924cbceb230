package cn.cbecpilot.platform.exportreturn;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.pages.RuleProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The export-return page's batch selection as typed: quantities and the codes of coded lines. */
class ReturnSelectionTest {

    @Test
    void handsTheCodesTypedUnderALineOnePerLineToTheApplication() {
        ReturnSelection selection = ReturnSelection.of(form(
                Map.of("qty.EL1.1", "1", "qty.EL1.2", "2", "codes.EL1.2", " EL1C1\r\nEL1C3\n\n", "codes.EL1.3", "")));

        var lines = selection.toApplication().lines();

        assertThat(selection.problems()).isEmpty();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).codes()).isEmpty();
        assertThat(lines.get(1).codes()).containsExactly("EL1C1", "EL1C3");
    }

    @Test
    void refusesCodesThatAreNoCodesAndCodesOnALineWithNoQuantity() {
        ReturnSelection selection = ReturnSelection.of(
                form(Map.of("qty.EL1.2", "1", "codes.EL1.2", "EL1C1\nnot-a-code!", "codes.EL1.3", "EL1C9")));

        Map<String, List<RuleProblem>> problems = selection.problems();

        assertThat(problems.get("codes.EL1.2"))
                .containsExactly(RuleProblem.of("INVALID_CODE", "exportReturn", "not-a-code!"));
        assertThat(problems.get("codes.EL1.3"))
                .containsExactly(RuleProblem.of("CODES_WITHOUT_QUANTITY", "exportReturn"));
    }

    @Test
    void showsARefusalOfTheOriginalGoodsOnceUnderTheCodesOfALineThatHasCodes() {
        ReturnSelection selection =
                ReturnSelection.of(form(Map.of("qty.EL1.1", "1", "qty.EL1.2", "2", "codes.EL1.2", "X1")));

        Map<String, List<RuleProblem>> problems = selection.refusals(List.of(
                Violation.onLine(RuleCode.NOT_ORIGINAL, 2, "2 unit(s) need as many codes, 1 given"),
                Violation.onLine(RuleCode.NOT_ORIGINAL, 2, "code X1 was not exported"),
                Violation.onLine(RuleCode.QUANTITY, 1, "too many")));

        assertThat(problems.get("codes.EL1.2"))
                .containsExactly(RuleProblem.of("NOT_ORIGINAL", "exportReturnCodes", "EL1", "2"));
        assertThat(problems.get("qty.EL1.1"))
                .containsExactly(RuleProblem.of("QUANTITY", "exportReturnLine", "EL1", "1"));
    }

    private static MultiValueMap<String, String> form(Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> form.add(e.getKey(), e.getValue()));
        return form;
    }
}
