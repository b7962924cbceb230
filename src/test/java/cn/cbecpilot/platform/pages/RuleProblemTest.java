package cn.cbecpilot.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleProblemTest {

    @Test
    void repeatsAShortTypedValueWholeAndCutsALongOne() {
        String scan = "8".repeat(5000);
        List<String> typed = List.of("86012340000000012345", scan);

        RuleProblem shortOne = RuleProblem.of(new FieldProblem("TRACE_CODE_UNKNOWN", "codes[0]", "x"), "pick", typed);
        RuleProblem longOne = RuleProblem.of(new FieldProblem("WRONG_LENGTH", "codes[1]", "x"), "pick", typed);

        assertThat(shortOne.params()).containsExactly("86012340000000012345");
        assertThat((String) longOne.params()[0])
                .hasSize(RuleProblem.SHOWN + 1)
                .startsWith("8".repeat(RuleProblem.SHOWN))
                .endsWith("…");
    }
}
