package cn.cbecpilot.platform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "110105199003071234", "650102200002290012"})
    void acceptsNumbersWithTheRightCheckCharacterAndARealBirthDate(String id) {
        String valid = id.substring(0, 17) + ResidentId.checkCharacter(id.substring(0, 17));
        assertThat(ResidentId.problem(valid, TODAY)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002, X", "44052418800101001, 4", "11010519900307123, 9"})
    void computesTheIso7064CheckCharacterOfTheStandardsExamples(String first17, char expected) {
        assertThat(ResidentId.checkCharacter(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "11010519900307123",
                "1101051990030712345",
                "11010519491231002x",
                "1101051990030712A4",
                "110105199013071234",
                "110105199002301234",
                "110105203001011234",
                "110105180001011234",
                "' OR 1=1 --'"
            })
    void refusesMalformedNumbersAndImpossibleBirthDates(String id) {
        String candidate = id == null || !id.matches("\\d{18}")
                ? id
                : id.substring(0, 17) + ResidentId.checkCharacter(id.substring(0, 17));
        assertThat(ResidentId.problem(candidate, TODAY)).isPresent();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        String valid = ResidentIds.born(LocalDate.of(1990, 3, 7), 123);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertThat(ResidentId.problem(valid.substring(0, 17) + wrong, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("check character"));
    }

    @Test
    void acceptsABirthOnTwentyNinthFebruaryOfALeapYearOnly() {
        assertThat(ResidentId.problem(ResidentIds.born(LocalDate.of(2000, 2, 29), 12), TODAY))
                .isEmpty();
        String notLeap = "11010519990229012";
        assertThat(ResidentId.problem(notLeap + ResidentId.checkCharacter(notLeap), TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("birth date"));
    }
}
