package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.catalog.Category;
import cn.cbecpilot.platform.catalog.PositiveListEdition;
import cn.cbecpilot.platform.catalog.PositiveListLine;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.Qualification;
import cn.cbecpilot.platform.enterprise.QualificationType;
import cn.cbecpilot.platform.enterprise.Role;
import cn.cbecpilot.platform.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Builds the facts of an order that breaks no rule; each test changes one thing. */
final class OrderCheckFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final TaxCalculator TAXES = new TaxCalculator(new FreightPolicy(Money.of("10.00"), Money.of("199.00")));

    private LocalDate orderDate = TODAY;
    private Enterprise platform = platform(TODAY.minusYears(1), TODAY.plusYears(1));
    private Enterprise seller = new Enterprise("1101980002", "Seller", "HONG_KONG", Set.of(Role.SELLER), List.of());
    private Buyer buyer = new Buyer("张三", ResidentIds.born(LocalDate.of(1990, 3, 7), 123), "13812345678");
    private PositiveListEdition edition = new PositiveListEdition(
            "2022",
            LocalDate.of(2022, 3, 1),
            List.of(
                    new PositiveListLine(1, "30049090", "药品", "仅限网购保税；品名限于：布洛芬、维生素"),
                    new PositiveListLine(2, "90189099", "医疗器具", ""),
                    new PositiveListLine(3, "90013000", "隐形眼镜片", "每人每年限购12件")));
    private Money yearToDate = Money.ZERO;
    private final List<Line> lines = new ArrayList<>(List.of(new Line(ibuprofen(), 2, 100, 0)));

    record Line(Product product, int quantity, int available, int bought) {}

    static OrderCheckFixture anOrder() {
        return new OrderCheckFixture();
    }

    static Enterprise platform(LocalDate from, LocalDate until) {
        return new Enterprise(
                "1101980001",
                "Platform",
                "BEIJING",
                Set.of(Role.PLATFORM),
                List.of(
                        new Qualification(QualificationType.CBEC_PLATFORM, "P-1", from, until),
                        new Qualification(QualificationType.MEDICAL_ONLINE_TRADING, "M-1", from, until)));
    }

    static Product ibuprofen() {
        return product("DRG-IBU", "布洛芬缓释胶囊", "3004909099", Category.DRUG, "68.00", "H20160387", 10, null);
    }

    static Product product(
            String sku,
            String name,
            String gcode,
            Category category,
            String price,
            String certificate,
            Integer maxPerOrder,
            Integer maxPerYear) {
        return new Product(
                sku,
                name,
                gcode,
                category,
                Money.of(price),
                "142",
                "502",
                certificate,
                null,
                null,
                null,
                null,
                null,
                maxPerOrder,
                maxPerYear,
                "1101980002");
    }

    OrderCheckFixture on(LocalDate day) {
        this.orderDate = day;
        return this;
    }

    OrderCheckFixture platform(Enterprise platform) {
        this.platform = platform;
        return this;
    }

    OrderCheckFixture seller(Enterprise seller) {
        this.seller = seller;
        return this;
    }

    OrderCheckFixture buyer(UnaryOperator<Buyer> change) {
        this.buyer = change.apply(buyer);
        return this;
    }

    OrderCheckFixture edition(PositiveListEdition edition) {
        this.edition = edition;
        return this;
    }

    OrderCheckFixture yearToDate(String amount) {
        this.yearToDate = Money.of(amount);
        return this;
    }

    OrderCheckFixture noLines() {
        lines.clear();
        return this;
    }

    OrderCheckFixture onlyLine(Product product, int quantity) {
        lines.clear();
        return line(product, quantity);
    }

    OrderCheckFixture line(Product product, int quantity) {
        return line(product, quantity, 1000, 0);
    }

    OrderCheckFixture line(Product product, int quantity, int available, int bought) {
        lines.add(new Line(product, quantity, available, bought));
        return this;
    }

    OrderCheck build() {
        List<CheckedLine> checked = new ArrayList<>();
        List<PricedLine> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Product p = l.product();
            checked.add(new CheckedLine(
                    i + 1, p == null ? "UNKNOWN" : p.sku(), l.quantity(), p, seller, l.available(), l.bought()));
            if (p != null) {
                priced.add(new PricedLine(
                        i + 1, p.price(), l.quantity(), p.vatRate(), p.consumptionTaxRate(), p.dutyRate()));
            }
        }
        return new OrderCheck(
                orderDate,
                platform,
                Set.of("BEIJING", "HENAN"),
                buyer,
                checked,
                edition,
                yearToDate,
                TAXES.price(priced));
    }

    List<Violation> violations() {
        return OrderCompliance.check(build());
    }
}
