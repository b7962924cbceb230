package cn.cbecpilot.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.catalog.Category;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of a lot's scanned codes, and the codes issued for units the warehouse labels itself. */
class LotCodesTest {

    private static final LocalDate EXPIRY = LocalDate.of(2028, 1, 31);

    private static Product product(Category category, String gtin, String drugId) {
        return new Product(
                "SKU-1",
                "样品",
                "3004909099",
                category,
                Money.of("10.00"),
                "142",
                "502",
                "H1",
                gtin,
                drugId,
                null,
                null,
                null,
                null,
                null,
                "1101980002");
    }

    private static List<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::code).toList();
    }

    @Test
    void acceptsOneCodePerUnitOfTheProductInEitherScheme() {
        Product drug = product(Category.DRUG, "04987654321001", "8601234");

        LotCodes.Checked checked = LotCodes.check(
                drug, "B1", EXPIRY, 2, List.of("86012340000000011234", "(01)04987654321001(17)280100(10)B1(21)9"));

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.codes()).extracting(TraceCode::scheme).containsExactly(TraceScheme.NMPA20, TraceScheme.GS1);
    }

    @Test
    void reportsEveryProblemWithTheFieldItConcerns() {
        Product device = product(Category.DEVICE, "04987654321001", null);

        LotCodes.Checked checked = LotCodes.check(
                device,
                "B1",
                EXPIRY,
                6,
                List.of(
                        "(01)04987654321001(21)1",
                        "(01)04987654321001(21)1",
                        "(01)00812345678901(21)2",
                        "86012340000000011234",
                        "(01)04987654321001(10)B2(21)3",
                        "(01)04987654321001(17)280130(21)4",
                        "(01)04987654321002(21)5"));

        assertThat(codes(checked.problems()))
                .containsExactly(
                        "COUNT_MISMATCH",
                        "DUPLICATE_CODE",
                        "WRONG_PRODUCT",
                        "WRONG_PRODUCT",
                        "BATCH_MISMATCH",
                        "EXPIRY_MISMATCH",
                        "BAD_CHECK_DIGIT");
        assertThat(checked.problems().get(1).field()).isEqualTo("codes[1]");
        assertThat(checked.problems().get(3).message()).contains("SKU-1 has none on record");
    }

    @Test
    void issuesNmpaCodesForADrugAndGs1CodesForADevice() {
        List<TraceCode> drugCodes =
                CodeIssuer.issue(product(Category.DRUG, "04987654321001", "8601234"), "B1", EXPIRY, List.of(1L, 2L));
        List<TraceCode> deviceCodes =
                CodeIssuer.issue(product(Category.DEVICE, "04987654321001", null), "B1", EXPIRY, List.of(7L));

        assertThat(drugCodes)
                .extracting(TraceCode::canonical)
                .allSatisfy(c -> assertThat(c).hasSize(20).startsWith("8601234"));
        assertThat(drugCodes).extracting(TraceCode::serial).containsExactly("000000001", "000000002");
        assertThat(deviceCodes).singleElement().satisfies(c -> {
            assertThat(c.canonical()).isEqualTo("(01)04987654321001(17)280131(10)B1(21)000000000007");
            assertThat(TraceCodeParser.parse(c.raw()).orElseThrow()).isEqualTo(c);
        });
    }

    @Test
    void issuesNoCodesForAProductWithoutAValidIdentifier() {
        assertThat(CodeIssuer.issue(product(Category.OTHER, null, null), "B1", EXPIRY, List.of(1L)))
                .isEmpty();
        assertThat(CodeIssuer.issue(product(Category.DEVICE, "04987654321002", null), "B1", EXPIRY, List.of(1L)))
                .isEmpty();
    }
}
