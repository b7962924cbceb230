package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.message.TaxBill;
import cn.cbecpilot.ceb.message.TaxBills;
import cn.cbecpilot.ceb.xml.CebXmlException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads the tax customs assessed out of a CEB816 receipt, for the lifecycle that keeps it with its subject. */
public final class TaxBillReceipts {

    public static final String TYPE = "CEB816";

    private static final TaxBills BILLS = new TaxBills();

    /** What one list owes, as its tax bill says. */
    public record Assessed(
            String invtNo, String taxNo, BigDecimal customsTax, BigDecimal valueAddedTax, BigDecimal consumptionTax) {

        public BigDecimal total() {
            return customsTax.add(valueAddedTax).add(consumptionTax);
        }
    }

    private TaxBillReceipts() {}

    /**
     * The bill of the list numbered {@code invtNo} (any, when the subject's number is not known yet and the message
     * holds a single bill); empty when the receipt is not a readable tax bill.
     */
    public static Optional<Assessed> in(CustomsReceipt receipt, String invtNo) {
        if (!TYPE.equals(receipt.messageType())) {
            return Optional.empty();
        }
        List<TaxBill> bills;
        try {
            bills = BILLS.read(receipt.xml().getBytes(StandardCharsets.UTF_8));
        } catch (CebXmlException e) {
            return Optional.empty();
        }
        return bills.stream()
                .filter(b -> b.head().invtNo().equals(invtNo) || (invtNo == null && bills.size() == 1))
                .findFirst()
                .map(b -> new Assessed(
                        b.head().invtNo(),
                        b.head().taxNo(),
                        b.head().customsTax(),
                        b.head().valueAddedTax(),
                        b.head().consumptionTax()));
    }
}
