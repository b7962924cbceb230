package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One electronic tax bill of a CEB816 (Tax{TaxHeadRd, TaxListRd}): the tax customs levies on one inventory list,
 * per line and in total. Customs issues it after release; the guarantor (assureCode) pays it.
 *
 * @param head the bill's head
 * @param lines one per list line, by the list's gnum (1..99)
 */
public record TaxBill(Head head, List<Line> lines) {

    public TaxBill {
        Objects.requireNonNull(head, "head");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > 99) {
            throw new IllegalArgumentException("a tax bill has 1 to 99 lines, not " + lines.size());
        }
    }

    /**
     * @param guid the inventory list's guid, by which the declarant finds its list again
     * @param returnTime when customs issued it, Beijing local time
     * @param invtNo the customs list number
     * @param taxNo the tax bill's number
     * @param status 1 generated, 2 aggregated into a payment notice, 3 void
     * @param entDutyNo the payment notice's number, once aggregated
     */
    public record Head(
            String guid,
            LocalDateTime returnTime,
            String invtNo,
            String taxNo,
            BigDecimal customsTax,
            BigDecimal valueAddedTax,
            BigDecimal consumptionTax,
            String status,
            String entDutyNo,
            String note,
            String assureCode,
            String ebcCode,
            String logisticsCode,
            String agentCode,
            String customsCode) {

        public Head {
            Objects.requireNonNull(guid, "guid");
            Objects.requireNonNull(returnTime, "returnTime");
            Objects.requireNonNull(invtNo, "invtNo");
            Objects.requireNonNull(taxNo, "taxNo");
            Objects.requireNonNull(customsTax, "customsTax");
            Objects.requireNonNull(valueAddedTax, "valueAddedTax");
            Objects.requireNonNull(consumptionTax, "consumptionTax");
            Objects.requireNonNull(status, "status");
        }

        /** What the buyer's parcel owes in all: duty, VAT and consumption tax. */
        public BigDecimal total() {
            return customsTax.add(valueAddedTax).add(consumptionTax);
        }

        void write(XmlOut out) {
            out.add("guid", guid);
            out.add("returnTime", CebFormats.RETURN_TIME.format(returnTime));
            out.add("invtNo", invtNo);
            out.add("taxNo", taxNo);
            out.add("customsTax", customsTax);
            out.add("valueAddedTax", valueAddedTax);
            out.add("consumptionTax", consumptionTax);
            out.add("status", status);
            out.add("entDutyNo", entDutyNo);
            out.add("note", note);
            out.add("assureCode", assureCode);
            out.add("ebcCode", ebcCode);
            out.add("logisticsCode", logisticsCode);
            out.add("agentCode", agentCode);
            out.add("customsCode", customsCode);
        }
    }

    /** @param taxPrice the line's dutiable value (its price plus its share of freight and insurance) */
    public record Line(
            int gnum,
            String gcode,
            BigDecimal taxPrice,
            BigDecimal customsTax,
            BigDecimal valueAddedTax,
            BigDecimal consumptionTax) {

        void write(XmlOut out) {
            out.add("gnum", gnum);
            out.add("gcode", gcode);
            out.add("taxPrice", taxPrice);
            out.add("customsTax", customsTax);
            out.add("valueAddedTax", valueAddedTax);
            out.add("consumptionTax", consumptionTax);
        }
    }
}
