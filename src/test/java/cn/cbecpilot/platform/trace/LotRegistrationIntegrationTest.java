package cn.cbecpilot.platform.trace;

import static cn.cbecpilot.platform.support.TracedProducts.gs1;
import static cn.cbecpilot.platform.support.TracedProducts.nmpa;
import static cn.cbecpilot.platform.support.TracedProducts.serial;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.TracedProducts;
import cn.cbecpilot.platform.support.TracedProducts.Traced;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lots entering bond with their units' codes, scanned or issued, over HTTP; a refused lot writes nothing. */
class LotRegistrationIntegrationTest extends IntegrationTestBase {

    private static final String GS = "\u001d";
    private static final LocalDate EXPIRY = LocalDate.now().plusYears(2).withDayOfMonth(1);

    private TracedProducts traced;

    @BeforeEach
    void fixtures() {
        traced = new TracedProducts(operator());
    }

    private long codesOf(String sku) {
        return count("select count(*) from trace_code where sku = '" + sku + "'");
    }

    private long lotsOf(String sku) {
        return count("select count(*) from lot where sku = '" + sku + "'");
    }

    private void assertNothingWritten(String sku) {
        assertThat(lotsOf(sku)).isZero();
        assertThat(codesOf(sku)).isZero();
    }

    @Test
    void registersScannedGs1CodesInEveryFormAndAnswersThemCanonical() {
        Traced device = traced.device("电子血压计 T1", "399.00");
        String[] s = {serial(), serial(), serial()};
        String yymmdd = EXPIRY.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        List<String> scanned = List.of(
                gs1(device.productKey(), EXPIRY, "BT1", s[0]),
                "01" + device.productKey() + "17" + yymmdd + "10BT1" + GS + "21" + s[1],
                "]d201" + device.productKey() + "21" + s[2] + GS + "10BT1");

        List<String> codes = traced.lotInBond(device.sku(), "BT1", EXPIRY, 3, scanned);

        assertThat(codes)
                .containsExactly(
                        gs1(device.productKey(), EXPIRY, "BT1", s[0]),
                        gs1(device.productKey(), EXPIRY, "BT1", s[1]),
                        "(01)" + device.productKey() + "(10)BT1(21)" + s[2]);
        assertThat(count("select count(*) from trace_code where sku = '" + device.sku()
                        + "' and status = 'IN_BOND' and scheme = 'GS1' and batch_no = 'BT1'"))
                .isEqualTo(3);
        assertThat(count("select count(*) from trace_event e join trace_code c on c.id = e.code_id where c.sku = '"
                        + device.sku() + "' and e.type = 'REGISTERED'"))
                .isEqualTo(3);
    }

    @Test
    void registersScannedNmpaCodesOfADrugLot() {
        Traced drug = traced.drug("布洛芬片 T2", "30.00");
        List<String> scanned = List.of(nmpa(drug.productKey(), serial()), "]C0" + nmpa(drug.productKey(), serial()));

        List<String> codes = traced.lotInBond(drug.sku(), "BT2", EXPIRY, 2, scanned);

        assertThat(codes).containsExactly(scanned.get(0), scanned.get(1).substring(3));
        assertThat(count("select count(*) from trace_code where sku = '" + drug.sku() + "' and scheme = 'NMPA20'"
                        + " and product_key = '" + drug.productKey() + "' and expiry = '" + EXPIRY + "'"))
                .isEqualTo(2);
    }

    @Test
    void issuesGs1CodesWhenTheWarehouseLabelsADeviceLotItself() {
        Traced device = traced.device("红外体温计 T3", "259.00");

        List<String> codes = traced.lotInBond(device.sku(), "BT3", EXPIRY, 5, null);

        assertThat(codes).hasSize(5).doesNotHaveDuplicates();
        assertThat(codes).allSatisfy(c -> {
            TraceCode code = TraceCodeParser.parse(c).orElseThrow();
            assertThat(code.scheme()).isEqualTo(TraceScheme.GS1);
            assertThat(code.productKey()).isEqualTo(device.productKey());
            assertThat(code.batch()).isEqualTo("BT3");
            assertThat(code.expiry()).isEqualTo(EXPIRY);
        });
        assertThat(codesOf(device.sku())).isEqualTo(5);
    }

    @Test
    void issuesNmpaCodesWhenTheWarehouseLabelsADrugLotItself() {
        Traced drug = traced.drug("布洛芬片 T4", "30.00");

        List<String> codes = traced.lotInBond(drug.sku(), "BT4", EXPIRY, 4, null);

        assertThat(codes).hasSize(4).doesNotHaveDuplicates().allSatisfy(c -> {
            assertThat(c).hasSize(20).startsWith(drug.productKey());
            assertThat(TraceCodeParser.parse(c).orElseThrow().scheme()).isEqualTo(TraceScheme.NMPA20);
        });
    }

    @Test
    void refusesACodeRegisteredToAnotherUnitAlreadyAndWritesNothing() {
        Traced device = traced.device("血压计 T5", "399.00");
        String taken = gs1(device.productKey(), EXPIRY, "BT5", serial());
        traced.lotInBond(device.sku(), "BT5", EXPIRY, 1, List.of(taken));
        Traced same = new Traced(device.sku(), device.productKey());

        traced.enterLot(
                        same.sku(),
                        "BT5B",
                        EXPIRY,
                        2,
                        List.of(
                                "(01)" + device.productKey() + "(21)" + serial(),
                                "(01)" + device.productKey() + "(21)"
                                        + TraceCodeParser.parse(taken)
                                                .orElseThrow()
                                                .serial()))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.violations.length()")
                .isEqualTo(1)
                .jsonPath("$.violations[0].code")
                .isEqualTo("CODE_REGISTERED")
                .jsonPath("$.violations[0].field")
                .isEqualTo("codes[1]");

        assertThat(lotsOf(device.sku())).isEqualTo(1);
        assertThat(codesOf(device.sku())).isEqualTo(1);
    }

    @Test
    void refusesTheSameCodeScannedTwiceInOneLot() {
        Traced device = traced.device("血压计 T6", "399.00");
        String serial = serial();

        traced.enterLot(
                        device.sku(),
                        "BT6",
                        EXPIRY,
                        2,
                        List.of(
                                gs1(device.productKey(), EXPIRY, "BT6", serial),
                                "(01)" + device.productKey() + "(21)" + serial))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("DUPLICATE_CODE")
                .jsonPath("$.violations[0].field")
                .isEqualTo("codes[1]");

        assertNothingWritten(device.sku());
    }

    @Test
    void refusesCodesOfAnotherProduct() {
        Traced device = traced.device("血压计 T7", "399.00");
        Traced other = traced.device("血压计 T7b", "399.00");
        Traced drug = traced.drug("布洛芬片 T7", "30.00");

        traced.enterLot(
                        device.sku(),
                        "BT7",
                        EXPIRY,
                        2,
                        List.of("(01)" + other.productKey() + "(21)" + serial(), nmpa(drug.productKey(), serial())))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("WRONG_PRODUCT")
                .jsonPath("$.violations[0].message")
                .value(m -> assertThat((String) m).contains(other.productKey()).contains(device.productKey()))
                .jsonPath("$.violations[1].code")
                .isEqualTo("WRONG_PRODUCT");

        assertNothingWritten(device.sku());
    }

    @Test
    void refusesACountOfCodesOtherThanTheQuantity() {
        Traced device = traced.device("血压计 T8", "399.00");

        traced.enterLot(
                        device.sku(),
                        "BT8",
                        EXPIRY,
                        3,
                        List.of(
                                "(01)" + device.productKey() + "(21)" + serial(),
                                "(01)" + device.productKey() + "(21)" + serial()))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("COUNT_MISMATCH")
                .jsonPath("$.violations[0].field")
                .isEqualTo("codes");
        traced.enterLot(device.sku(), "BT8", EXPIRY, 1, List.of())
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("COUNT_MISMATCH");

        assertNothingWritten(device.sku());
    }

    @Test
    void refusesMalformedCodesNamingEachWithItsReason() {
        Traced device = traced.device("血压计 T9", "399.00");
        String gtin = device.productKey();
        String badCheck = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);

        traced.enterLot(
                        device.sku(),
                        "BT9",
                        EXPIRY,
                        4,
                        List.of(
                                "(01)" + gtin + "(21)" + serial(),
                                "(01)" + badCheck + "(21)" + serial(),
                                "(01)" + gtin + "(17)281341(21)" + serial(),
                                "(01)" + gtin + "(10)BT9"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations.length()")
                .isEqualTo(3)
                .jsonPath("$.violations[0].code")
                .isEqualTo("BAD_CHECK_DIGIT")
                .jsonPath("$.violations[0].field")
                .isEqualTo("codes[1]")
                .jsonPath("$.violations[1].code")
                .isEqualTo("BAD_DATE")
                .jsonPath("$.violations[2].code")
                .isEqualTo("MISSING_AI")
                .jsonPath("$.violations[2].field")
                .isEqualTo("codes[3]");

        assertNothingWritten(device.sku());
    }

    @Test
    void refusesCodesOfAnotherBatchOrExpiry() {
        Traced device = traced.device("血压计 T10", "399.00");

        traced.enterLot(
                        device.sku(),
                        "BT10",
                        EXPIRY,
                        2,
                        List.of(
                                gs1(device.productKey(), EXPIRY, "OTHER", serial()),
                                gs1(device.productKey(), EXPIRY.plusMonths(1), "BT10", serial())))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("BATCH_MISMATCH")
                .jsonPath("$.violations[1].code")
                .isEqualTo("EXPIRY_MISMATCH");

        assertNothingWritten(device.sku());
    }

    @Test
    void listsAHundredProblemsAndCountsTheRest() {
        Traced device = traced.device("血压计 T11", "399.00");
        List<String> bad = new ArrayList<>();
        IntStream.range(0, 150).forEach(i -> bad.add("(01)" + device.productKey() + "(99)" + i));

        traced.enterLot(device.sku(), "BT11", EXPIRY, 150, bad)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations.length()")
                .isEqualTo(101)
                .jsonPath("$.violations[100].message")
                .value(m -> assertThat((String) m).startsWith("50 more"));

        assertNothingWritten(device.sku());
    }

    @Test
    void entersALotOfAProductWithoutTraceIdentifiersWithoutCodes() {
        String sku = new cn.cbecpilot.platform.support.ReferenceData(operator())
                .productInStock("深海鱼油 T12", "2106909090", "OTHER", "99.00", null, 0, null);

        assertThat(traced.lotInBond(sku, "BT12", EXPIRY, 3, null)).isEmpty();
        traced.enterLot(sku, "BT12B", EXPIRY, 1, List.of("(01)" + TracedProducts.gtin() + "(21)1"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("NO_TRACE_KEY");
    }
}
