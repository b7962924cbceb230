package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.message.TaxBill;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tax customs levies on a released inventory list, as its CEB816 states it. Within the limits duty is 0 and VAT
 * and consumption tax are due at 70 %; a single indivisible item over the RMB 5,000 limit pays them in full. Each
 * line's dutiable value is its total price plus its share of the list's freight and insurance, in proportion to
 * value, the last line taking the rounding remainder; each tax is rounded half-up to the fen. The list carries no tax
 * rates and the simulator keeps no tariff: it applies the standard 13 % VAT, no consumption tax and (for a fully taxed
 * item) no duty, which is what the pilot's drugs and devices mostly bear.
 */
final class TaxAssessment {

    static final BigDecimal VAT_RATE = new BigDecimal("0.13");
    static final BigDecimal CONSUMPTION_RATE = BigDecimal.ZERO;
    private static final BigDecimal CBEC_SHARE = new BigDecimal("0.7");
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private TaxAssessment() {}

    static TaxBill of(Received list, String invtNo, String taxNo, LocalDateTime now) {
        List<Map<String, String>> lines = list.lines();
        BigDecimal goods = lines.stream().map(l -> amount(l, "totalPrice")).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal extras = list.amount("freight").add(list.amount("insuredFee"));
        boolean fullyTaxed = lines.size() == 1
                && amount(lines.get(0), "qty").compareTo(BigDecimal.ONE) == 0
                && goods.compareTo(Inspection.SINGLE_LIMIT) > 0;
        BigDecimal share = fullyTaxed ? BigDecimal.ONE : CBEC_SHARE;
        List<TaxBill.Line> taxed = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> line = lines.get(i);
            BigDecimal value = amount(line, "totalPrice");
            BigDecimal extra = i == lines.size() - 1 || goods.signum() == 0
                    ? extras.subtract(given)
                    : fen(extras.multiply(value).divide(goods, PRECISION));
            given = given.add(extra);
            BigDecimal dutiable = value.add(extra);
            // consumption tax is levied on a price that includes it; VAT on the price with consumption tax
            BigDecimal beforeVat = dutiable.divide(BigDecimal.ONE.subtract(CONSUMPTION_RATE), PRECISION);
            BigDecimal consumption = fen(beforeVat.multiply(CONSUMPTION_RATE).multiply(share));
            BigDecimal vat = fen(beforeVat.multiply(VAT_RATE).multiply(share));
            taxed.add(new TaxBill.Line(
                    Integer.parseInt(line.get("gnum")),
                    line.get("gcode"),
                    dutiable,
                    fen(BigDecimal.ZERO),
                    vat,
                    consumption));
        }
        var head = new TaxBill.Head(
                list.get("guid"),
                now,
                invtNo,
                taxNo,
                sum(taxed, TaxBill.Line::customsTax),
                sum(taxed, TaxBill.Line::valueAddedTax),
                sum(taxed, TaxBill.Line::consumptionTax),
                "1",
                null,
                null,
                list.get("assureCode"),
                list.get("ebcCode"),
                list.get("logisticsCode"),
                list.get("agentCode"),
                list.get("customsCode"));
        return new TaxBill(head, taxed);
    }

    private static BigDecimal sum(List<TaxBill.Line> lines, java.util.function.Function<TaxBill.Line, BigDecimal> f) {
        return lines.stream().map(f).reduce(fen(BigDecimal.ZERO), BigDecimal::add);
    }

    private static BigDecimal amount(Map<String, String> line, String name) {
        String value = line.get(name);
        return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }

    private static BigDecimal fen(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
