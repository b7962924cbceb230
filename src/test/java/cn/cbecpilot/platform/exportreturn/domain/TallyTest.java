package cn.cbecpilot.platform.exportreturn.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final LocalDate RELEASED = LocalDate.of(2026, 1, 10);
    private static final List<ReturnedLine> DECLARED = List.of(
            new ReturnedLine(1, "EL1", 1, 3, List.of(), RELEASED),
            new ReturnedLine(2, "EL2", 1, 2, List.of("C1", "C2"), RELEASED.plusMonths(1)));

    @Test
    void resolvesLinesByListAndGnumAndCountsWhatArrived() {
        Tally tally = Tally.check(
                RELEASED.plusDays(40),
                DECLARED,
                List.of(new TallyLine("EL1", 1, 2, null), new TallyLine("EL2", 1, 2, List.of("C1", "C2"))));

        assertThat(tally.violations()).isEmpty();
        assertThat(tally.arrived()).containsEntry(1, 2).containsEntry(2, 2);
    }

    @Test
    void refusesAGnumThatTwoLinesShare() {
        Tally tally = Tally.check(RELEASED.plusDays(40), DECLARED, List.of(new TallyLine(null, 1, 1, null)));

        assertThat(tally.violations()).extracting(Violation::code).containsExactly(RuleCode.NOT_ORIGINAL);
    }

    @Test
    void refusesMoreUnitsThanDeclaredAndUndeclaredCodes() {
        Tally tally = Tally.check(
                RELEASED.plusDays(40),
                DECLARED,
                List.of(new TallyLine("EL1", 1, 4, null), new TallyLine("EL2", 1, 1, List.of("C9"))));

        assertThat(tally.violations())
                .extracting(Violation::code)
                .containsExactly(RuleCode.QUANTITY, RuleCode.NOT_ORIGINAL);
    }

    @Test
    void refusesAnArrivalOnThe366thDayAfterRelease() {
        Tally onTime = Tally.check(LocalDate.of(2027, 1, 10), DECLARED, List.of(new TallyLine("EL1", 1, 1, null)));
        Tally late = Tally.check(LocalDate.of(2027, 1, 11), DECLARED, List.of(new TallyLine("EL1", 1, 1, null)));

        assertThat(onTime.violations()).isEmpty();
        assertThat(late.violations()).extracting(Violation::code).containsExactly(RuleCode.RETURN_WINDOW);
    }

    @Test
    void refusesDomesticReentryOfGoodsWithAnUnrepaidRebate() {
        assertThat(DomesticReentry.check(true, false))
                .extracting(Violation::code)
                .containsExactly(RuleCode.EXPORT_REBATE);
        assertThat(DomesticReentry.basis(true, true)).contains(DomesticReentry.Basis.REBATE_REPAID);
        assertThat(DomesticReentry.basis(false, false)).contains(DomesticReentry.Basis.NO_REBATE_CLAIMED);
    }
}
