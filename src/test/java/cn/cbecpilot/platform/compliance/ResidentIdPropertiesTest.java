package cn.cbecpilot.platform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of the GB 11643 resident ID check over generated numbers, not a handful of examples. */
class ResidentIdPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 18);

    @Property(tries = 500)
    void everyNumberWithARealPastBirthDateAndItsCheckCharacterIsAccepted(@ForAll("validIds") String id) {
        assertThat(ResidentId.problem(id, TODAY)).isEmpty();
    }

    @Property(tries = 500)
    void changingAnyOneDigitIsDetected(
            @ForAll("validIds") String id,
            @ForAll @IntRange(max = 16) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char changed = (char) ('0' + (id.charAt(position) - '0' + shift) % 10);
        String typo = id.substring(0, position) + changed + id.substring(position + 1);

        assertThat(ResidentId.problem(typo, TODAY)).isPresent();
    }

    @Property(tries = 300)
    void anyOtherCheckCharacterIsRefused(@ForAll("validIds") String id, @ForAll("checkCharacters") char other) {
        String wrong = id.substring(0, 17) + other;

        assertThat(ResidentId.problem(wrong, TODAY).isPresent()).isEqualTo(other != id.charAt(17));
    }

    @Property(tries = 300)
    void arbitraryTextIsRefusedWithAReasonAndNeverThrows(@ForAll @StringLength(max = 40) String text) {
        var problem = ResidentId.problem(text, TODAY);

        if (!text.matches("[0-9]{17}[0-9X]")) {
            assertThat(problem).isPresent();
        }
    }

    @Property(tries = 200)
    void aBirthDateInTheFutureIsRefused(@ForAll @IntRange(min = 1, max = 20_000) int daysAhead) {
        String id = ResidentIds.born(TODAY.plusDays(daysAhead), 123);

        assertThat(ResidentId.problem(id, TODAY)).isPresent();
    }

    @Provide
    Arbitrary<String> validIds() {
        Arbitrary<LocalDate> births = Arbitraries.integers()
                .between(0, 40_000)
                .map(days -> LocalDate.of(1910, 1, 1).plusDays(days))
                .filter(d -> !d.isAfter(TODAY));
        Arbitrary<String> regions = Arbitraries.of("110105", "110101", "310104", "440305", "460100", "410102");
        Arbitrary<Integer> sequences = Arbitraries.integers().between(0, 999);
        return Combinators.combine(regions, births, sequences).as((region, birth, seq) -> {
            String first17 = region
                    + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", seq);
            return first17 + ResidentId.checkCharacter(first17);
        });
    }

    @Provide
    Arbitrary<Character> checkCharacters() {
        return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }
}
