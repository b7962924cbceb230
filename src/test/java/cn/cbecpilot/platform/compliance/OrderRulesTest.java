package cn.cbecpilot.platform.compliance;

import static cn.cbecpilot.platform.compliance.OrderCheckFixture.TODAY;
import static cn.cbecpilot.platform.compliance.OrderCheckFixture.anOrder;
import static cn.cbecpilot.platform.compliance.OrderCheckFixture.ibuprofen;
import static cn.cbecpilot.platform.compliance.OrderCheckFixture.product;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.catalog.Category;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.Qualification;
import cn.cbecpilot.platform.enterprise.QualificationType;
import cn.cbecpilot.platform.enterprise.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderRulesTest {

    private static List<RuleCode> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }

    @Test
    void acceptsALawfulOrder() {
        assertThat(anOrder().violations()).isEmpty();
    }

    @Test
    void reportsEveryViolationAtOnce() {
        var violations = anOrder()
                .buyer(b -> new Buyer("", "123", "1"))
                .line(product("X-1", "Thing", "8517130000", Category.OTHER, "10.00", null, null, null), 1, 0, 0)
                .yearToDate("25990.00")
                .violations();

        assertThat(codes(violations))
                .contains(RuleCode.IDENTITY, RuleCode.POSITIVE_LIST, RuleCode.STOCK, RuleCode.ANNUAL_LIMIT);
    }

    @Nested
    class PositiveList {

        @ParameterizedTest
        @CsvSource({"3004909099, true", "9018909990, true", "8517130000, false", "30049090, false", "300490909X, false"
        })
        void acceptsOnlyGcodesUnderAListedTariffLine(String gcode, boolean accepted) {
            Product p = product("P", "布洛芬", gcode, Category.OTHER, "10.00", null, null, null);
            var found = codes(anOrder().onlyLine(p, 1).violations());
            assertThat(found.contains(RuleCode.POSITIVE_LIST)).isEqualTo(!accepted);
        }

        @Test
        void enforcesTheNameLimitOfTheRemark() {
            Product notNamed = product("DRG-X", "阿司匹林肠溶片", "3004909099", Category.DRUG, "30.00", "H1", null, null);
            assertThat(new PositiveListRule()
                            .check(anOrder().onlyLine(notNamed, 1).build()))
                    .singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("limited to 布洛芬、维生素"));
        }

        @Test
        void refusesEveryLineWhenNoEditionIsInForce() {
            assertThat(codes(anOrder().edition(null).violations())).containsExactly(RuleCode.POSITIVE_LIST);
        }
    }

    @Nested
    class PilotProduct {

        @ParameterizedTest
        @CsvSource({"DRUG, , false", "DEVICE, '  ', false", "DRUG, H20160387, true", "OTHER, , true"})
        void needsARegistrationCertificateForDrugsAndDevices(Category category, String certificate, boolean ok) {
            Product p = product("P", "布洛芬", "3004909099", category, "10.00", certificate, null, null);
            assertThat(new PilotProductRule()
                            .check(anOrder().onlyLine(p, 1).build())
                            .isEmpty())
                    .isEqualTo(ok);
        }
    }

    @Nested
    class DualQualification {

        @ParameterizedTest(name = "qualifications valid {0}..{1}: accepted {2}")
        @CsvSource({
            "2025-01-01, 2026-11-24, true", // expiring today: still valid today
            "2026-11-24, 2027-01-01, true", // starting today
            "2025-01-01, 2026-11-23, false", // expired yesterday
            "2026-11-25, 2027-01-01, false", // not yet valid
        })
        void needsBothQualificationsValidOnTheOrderDate(LocalDate from, LocalDate until, boolean accepted) {
            var violations = new DualQualificationRule()
                    .check(anOrder()
                            .platform(OrderCheckFixture.platform(from, until))
                            .build());
            assertThat(violations.isEmpty()).isEqualTo(accepted);
        }

        @Test
        void refusesAPlatformHoldingOnlyTheCbecRegistration() {
            Enterprise onlyCbec = new Enterprise(
                    "1101980001",
                    "P",
                    "BEIJING",
                    Set.of(Role.PLATFORM),
                    List.of(new Qualification(
                            QualificationType.CBEC_PLATFORM, "P-1", TODAY.minusYears(1), TODAY.plusYears(1))));
            assertThat(new DualQualificationRule()
                            .check(anOrder().platform(onlyCbec).build()))
                    .singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("online drug/device trading"));
        }

        @Test
        void refusesAPlatformOutsideThePilotRegions() {
            Enterprise p = OrderCheckFixture.platform(TODAY.minusYears(1), TODAY.plusYears(1));
            Enterprise inTianjin = new Enterprise(p.code(), p.name(), "TIANJIN", p.roles(), p.qualifications());
            assertThat(codes(anOrder().platform(inTianjin).violations())).containsExactly(RuleCode.DUAL_QUALIFICATION);
        }

        @Test
        void refusesAnUnregisteredPlatformOrSeller() {
            assertThat(codes(anOrder().platform(null).violations())).containsExactly(RuleCode.DUAL_QUALIFICATION);
            assertThat(codes(anOrder().seller(null).violations())).containsExactly(RuleCode.DUAL_QUALIFICATION);
        }
    }

    @Nested
    class Identity {

        @ParameterizedTest
        @CsvSource(
                value = {
                    "NULL | 110105199003071239 | 13812345678",
                    "'  ' | 110105199003071239 | 13812345678",
                    "张3 | 110105199003071239 | 13812345678",
                    "张三 | 110105199003071230 | 13812345678",
                    "张三 | 110105199002301234 | 13812345678",
                    "张三 | 110105199003071239 | 1381234567",
                    "张三 | 110105199003071239 | 23812345678",
                },
                delimiter = '|',
                nullValues = "NULL")
        void refusesAMissingNameABadIdOrABadPhone(String name, String id, String phone) {
            assertThat(codes(anOrder().buyer(b -> new Buyer(name, id, phone)).violations()))
                    .containsExactly(RuleCode.IDENTITY);
        }
    }

    @Nested
    class Limits {

        private final Product monitor =
                product("DEV-M", "血压计", "9018909990", Category.DEVICE, "2600.00", "国械注进1", null, null);
        private final Product hearingAid =
                product("DEV-H", "助听器", "9018909990", Category.DEVICE, "6800.00", "国械注进2", null, null);

        @Test
        void refusesAnOrderOverFiveThousandOfSeveralUnits() {
            assertThat(codes(anOrder().onlyLine(monitor, 2).violations())).containsExactly(RuleCode.SINGLE_LIMIT);
        }

        @Test
        void letsOneIndivisibleItemOverFiveThousandPassFullyTaxed() {
            OrderCheck check = anOrder().onlyLine(hearingAid, 1).build();
            assertThat(OrderCompliance.check(check)).isEmpty();
            assertThat(check.pricing().fullyTaxed()).isTrue();
        }

        @ParameterizedTest(name = "used {0} + order {1}: accepted {2}")
        @CsvSource({
            "25000.00, 1000.00, true",
            "25000.01, 1000.00, false",
            "0.00, 6800.00, true",
            "19200.01, 6800.00, false"
        })
        void keepsTheYearWithinTwentySixThousand(String used, String price, boolean accepted) {
            Product p = product("DEV-X", "血压计", "9018909990", Category.DEVICE, price, "国械注进3", null, null);
            var violations = new AnnualLimitRule()
                    .check(anOrder().onlyLine(p, 1).yearToDate(used).build());
            assertThat(violations.isEmpty()).isEqualTo(accepted);
        }
    }

    @Nested
    class Quantity {

        @Test
        void capsUnitsPerOrderAcrossLinesOfTheSameSku() {
            var violations =
                    anOrder().onlyLine(ibuprofen(), 6).line(ibuprofen(), 5).violations();
            assertThat(codes(violations)).containsExactly(RuleCode.QUANTITY);
        }

        @Test
        void capsUnitsPerYearByTheListRemark() {
            Product lenses = product("DEV-L", "隐形眼镜", "9001300000", Category.DEVICE, "10.00", "国械注进4", null, null);
            assertThat(new QuantityRule().check(anOrder().onlyLine(lenses, 3).build()))
                    .isEmpty();
            var tenBoughtAlready = anOrder().noLines().line(lenses, 3, 1000, 10).build();
            assertThat(new QuantityRule().check(tenBoughtAlready))
                    .singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("13 units", "12 per person per year"));
        }

        @Test
        void capsUnitsPerYearByTheProduct() {
            Product capped = product("DRG-V", "维生素", "3004909099", Category.DRUG, "10.00", "H2", null, 4);
            var check = anOrder().onlyLine(capped, 2).build();
            assertThat(new QuantityRule().check(check)).isEmpty();
            var over = new OrderCheck(
                    check.orderDate(),
                    check.platform(),
                    check.pilotRegions(),
                    check.buyer(),
                    List.of(new CheckedLine(1, "DRG-V", 2, capped, null, 100, 3)),
                    check.edition(),
                    check.buyerYearToDate(),
                    check.pricing());
            assertThat(new QuantityRule().check(over)).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("5 units", "4 per person per year"));
        }
    }

    @Nested
    class Stock {

        @ParameterizedTest
        @CsvSource({"5, 5, true", "6, 5, false", "1, 0, false"})
        void needsEnoughAvailableUnits(int ordered, int available, boolean accepted) {
            var check = anOrder().onlyLine(ibuprofen(), 0).build();
            var withStock = new OrderCheck(
                    check.orderDate(),
                    check.platform(),
                    check.pilotRegions(),
                    check.buyer(),
                    List.of(new CheckedLine(1, "DRG-IBU", ordered, ibuprofen(), null, available, 0)),
                    check.edition(),
                    check.buyerYearToDate(),
                    check.pricing());
            assertThat(new StockRule().check(withStock).isEmpty()).isEqualTo(accepted);
        }
    }

    @Nested
    class UnknownProduct {

        @Test
        void refusesAnUnknownSku() {
            assertThat(anOrder().line(null, 1).violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.code()).isEqualTo(RuleCode.UNKNOWN_PRODUCT))
                    .satisfies(v -> assertThat(v.line()).isEqualTo(2));
        }
    }
}
