package cn.cbecpilot.platform.exportreturn.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.platform.shared.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportListCsvTest {

    static final String HEADER = String.join(",", ExportListCsv.COLUMNS);

    @Test
    void readsOneListPerNumberWithItsLinesAndCodes() {
        String csv = HEADER + "\n"
                + "EL1,9610,0101,0101,1101980001,1101980002,1101980003,304,2026-01-08,2026-01-10,false,1,3004909099,"
                + "布洛芬,0.3g,5,142,,,\n"
                + "EL1,9610,0101,0101,1101980001,1101980002,1101980003,304,2026-01-08,2026-01-10,false,2,9018390000,"
                + "注射器,5ml,2,011,C1|C2,6.0,035\n"
                + "EL2,1210,0101,0101,1101980001,1101980002,1101980003,304,2026-02-01,,true,1,3004909099,布洛芬,,1,142,,,\n";

        List<ImportedList> lists = ExportListCsv.parse(csv);

        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).lines()).hasSize(2);
        assertThat(lists.get(0).lines().get(1).codes()).containsExactly("C1", "C2");
        assertThat(lists.get(0).lines().get(1).legalQuantity()).isEqualByComparingTo("6.0");
        assertThat(lists.get(0).lines().get(1).legalUnit()).isEqualTo("035");
        assertThat(lists.get(0).lines().get(0).legalQuantity()).isNull();
        assertThat(lists.get(0).releasedOn()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(lists.get(1).releasedOn()).isNull();
        assertThat(lists.get(1).rebateClaimed()).isTrue();
    }

    @Test
    void refusesAWrongHeader() {
        assertThatThrownBy(() -> ExportListCsv.parse("a,b,c\n1,2,3")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void namesEveryMalformedList() {
        String csv = HEADER + "\n"
                + "EL1,9610,0101,0101,1101980001,1101980002,1101980003,304,2026-13-08,2026-01-10,false,1,3004909099,x,,5,142,,,\n"
                + "EL2,9610,0101,0101,1101980001,1101980002,1101980003,304,2026-01-08,2026-01-10,false,1,300490,x,,5,142,,,\n";

        assertThatThrownBy(() -> ExportListCsv.parse(csv))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void refusesOtherTradeModesAndReleaseBeforeDeclaration() {
        var list = new ImportedList(
                "EL1",
                "0110",
                "0101",
                "0101",
                "P",
                "E",
                "L",
                "304",
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1),
                false,
                List.of(new ImportedList.Line(1, "3004909099", "x", "", 1, "142", List.of("A", "B"))));

        assertThat(list.problems(LocalDate.of(2026, 3, 1)))
                .extracting(InvalidInput.FieldProblem::field)
                .containsExactly("tradeMode", "releasedOn", "lines[0].codes");
    }
}
