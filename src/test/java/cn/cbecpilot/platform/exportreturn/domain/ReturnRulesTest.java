package cn.cbecpilot.platform.exportreturn.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnRulesTest {

    private static final LocalDate RELEASED = LocalDate.of(2026, 1, 10);

    private static ExportedList list(String no, LocalDate released, ExportedLine... lines) {
        Map<Integer, ExportedLine> byGnum = new java.util.HashMap<>();
        for (ExportedLine l : lines) {
            byGnum.put(l.gnum(), l);
        }
        return new ExportedList(no, "9610", released, false, byGnum);
    }

    private static ExportedLine line(int gnum, int exported, int returned, String... codes) {
        return new ExportedLine(gnum, "3004909099", "布洛芬", "", "142", exported, returned, Set.of(codes));
    }

    private static List<Violation> check(LocalDate day, List<RequestedLine> lines, ExportedList... lists) {
        Map<String, ExportedList> byNo = new java.util.HashMap<>();
        for (ExportedList l : lists) {
            byNo.put(l.exportListNo(), l);
        }
        return ReturnRules.check(new ReturnApplication(day, lines, byNo, Set.of()));
    }

    private static RequestedLine asked(String list, int gnum, int quantity, String... codes) {
        return new RequestedLine(list, gnum, null, quantity, List.of(codes));
    }

    @ParameterizedTest(name = "released {0}, applied {1}: allowed {2}")
    @CsvSource({
        "2026-01-10, 2026-01-10, true", // the release day itself
        "2026-01-10, 2027-01-10, true", // the 365th day after release
        "2026-01-10, 2027-01-11, false", // the 366th day after release
        "2027-03-01, 2028-02-29, true", // 29 February 2028 lies in the window
        "2027-03-01, 2028-03-01, true", // the year holding 29 February has 366 days: the 366th day is its last
        "2027-03-01, 2028-03-02, false", // the 367th day
        "2028-02-29, 2029-02-28, true", // a release on 29 February ends on 28 February
        "2028-02-29, 2029-03-01, false",
        "2027-12-31, 2028-12-31, true",
        "2027-12-31, 2029-01-01, false"
    })
    void countsTheReturnWindowInCalendarDaysFromTheExportRelease(LocalDate released, LocalDate day, boolean allowed) {
        List<Violation> violations = check(day, List.of(asked("EL1", 1, 1)), list("EL1", released, line(1, 5, 0)));

        assertThat(violations.stream().map(Violation::code))
                .isEqualTo(allowed ? List.of() : List.of(RuleCode.RETURN_WINDOW));
        assertThat(ReturnWindow.allows(released, day)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "asked {0} of {1} exported, {2} already returned: refused {3}")
    @CsvSource({"5, 5, 0, false", "6, 5, 0, true", "3, 5, 2, false", "4, 5, 2, true", "1, 5, 5, true"})
    void refusesMoreUnitsThanExportedLessThoseAlreadyReturned(int asked, int exported, int returned, boolean refused) {
        List<Violation> violations = check(
                RELEASED.plusDays(30),
                List.of(asked("EL1", 1, asked)),
                list("EL1", RELEASED, line(1, exported, returned)));

        assertThat(violations).extracting(Violation::code).isEqualTo(refused ? List.of(RuleCode.QUANTITY) : List.of());
    }

    @Test
    void addsUpLinesOfOneExportLineBeforeComparingWithWhatIsLeft() {
        List<Violation> violations = check(
                RELEASED.plusDays(30),
                List.of(asked("EL1", 1, 3), asked("EL1", 1, 3)),
                list("EL1", RELEASED, line(1, 5, 0)));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(RuleCode.QUANTITY);
            assertThat(v.line()).isEqualTo(1);
        });
    }

    @Test
    void refusesALineTheListDoesNotHave() {
        assertThat(check(RELEASED.plusDays(1), List.of(asked("EL1", 7, 1)), list("EL1", RELEASED, line(1, 5, 0))))
                .extracting(Violation::code)
                .containsExactly(RuleCode.NOT_ORIGINAL);
    }

    @Test
    void refusesAGcodeOtherThanTheExportedOne() {
        var other = new RequestedLine("EL1", 1, "9018390000", 1, List.of());

        assertThat(check(RELEASED.plusDays(1), List.of(other), list("EL1", RELEASED, line(1, 5, 0))))
                .extracting(Violation::code)
                .containsExactly(RuleCode.NOT_ORIGINAL);
    }

    @Test
    void needsOneRecordedCodePerUnitWhenTheListRecordedCodes() {
        ExportedList coded = list("EL1", RELEASED, line(1, 3, 0, "C1", "C2", "C3"));

        assertThat(check(RELEASED.plusDays(1), List.of(asked("EL1", 1, 2, "C1", "C2")), coded))
                .isEmpty();
        assertThat(check(RELEASED.plusDays(1), List.of(asked("EL1", 1, 2, "C1")), coded))
                .extracting(Violation::code)
                .containsExactly(RuleCode.NOT_ORIGINAL);
        assertThat(check(RELEASED.plusDays(1), List.of(asked("EL1", 1, 1, "X9")), coded))
                .extracting(Violation::code)
                .containsExactly(RuleCode.NOT_ORIGINAL);
        assertThat(check(RELEASED.plusDays(1), List.of(asked("EL1", 1, 2, "C1", "C1")), coded))
                .extracting(Violation::code)
                .containsExactly(RuleCode.NOT_ORIGINAL);
    }

    @Test
    void refusesCodesAlreadyOnAnotherReturn() {
        ExportedList coded = list("EL1", RELEASED, line(1, 3, 1, "C1", "C2", "C3"));
        var application = new ReturnApplication(
                RELEASED.plusDays(1), List.of(asked("EL1", 1, 1, "C1")), Map.of("EL1", coded), Set.of("C1"));

        assertThat(ReturnRules.check(application)).extracting(Violation::code).containsExactly(RuleCode.NOT_ORIGINAL);
    }

    @Test
    void acceptsCodesGivenForALineThatRecordedNone() {
        assertThat(check(
                        RELEASED.plusDays(1), List.of(asked("EL1", 1, 1, "ANY")), list("EL1", RELEASED, line(1, 5, 0))))
                .isEmpty();
    }

    @Test
    void refusesUnknownAndUnreleasedLists() {
        ExportedList unreleased = new ExportedList("EL2", "1210", null, false, Map.of(1, line(1, 5, 0)));
        ExportedList releasedLater = list("EL3", RELEASED.plusDays(5), line(1, 5, 0));

        List<Violation> violations = check(
                RELEASED.plusDays(1),
                List.of(asked("NOPE", 1, 1), asked("EL2", 1, 1), asked("EL3", 1, 1)),
                unreleased,
                releasedLater);

        assertThat(violations)
                .extracting(Violation::code)
                .containsOnly(RuleCode.NOT_EXPORTED)
                .hasSize(3);
        assertThat(violations).extracting(Violation::line).containsExactly(1, 2, 3);
    }

    @Test
    void namesEveryViolationOfABatchAtOnce() {
        List<Violation> violations = check(
                LocalDate.of(2027, 2, 1),
                List.of(asked("OLD", 1, 1), asked("NEW", 9, 1), asked("NEW", 1, 9), asked("NONE", 1, 1)),
                list("OLD", RELEASED, line(1, 5, 0)),
                list("NEW", LocalDate.of(2026, 12, 1), line(1, 5, 0)));

        assertThat(violations)
                .extracting(Violation::code, Violation::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(RuleCode.NOT_EXPORTED, 4),
                        org.assertj.core.groups.Tuple.tuple(RuleCode.RETURN_WINDOW, 1),
                        org.assertj.core.groups.Tuple.tuple(RuleCode.NOT_ORIGINAL, 2),
                        org.assertj.core.groups.Tuple.tuple(RuleCode.QUANTITY, 3));
    }

    @ParameterizedTest(name = "released {0}, back {1}: exempt {2}")
    @CsvSource({"2026-01-10, 2026-07-10, true", "2026-01-10, 2026-07-11, false", "2025-08-31, 2026-02-28, true"})
    void exemptsReturnsWithinSixMonthsOfTheExportRelease(LocalDate released, LocalDate back, boolean exempt) {
        assertThat(ReturnWindow.taxExempt(released, back)).isEqualTo(exempt);
    }
}
