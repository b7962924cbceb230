package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * PAYER_MATCH: at payment the payer is the buyer (same name and ID, as customs' tri-data match checks with code 1327)
 * and pays exactly the order total.
 */
public final class PayerMatchRule {

    private PayerMatchRule() {}

    public static List<Violation> check(
            Buyer buyer, Money total, String payerName, String payerIdNumber, Money amount) {
        List<Violation> violations = new ArrayList<>();
        if (payerName == null || !payerName.strip().equals(buyer.name().strip())) {
            violations.add(Violation.of(RuleCode.PAYER_MATCH, "the payer's name differs from the buyer's"));
        }
        if (payerIdNumber == null || !payerIdNumber.strip().equalsIgnoreCase(buyer.idNumber())) {
            violations.add(Violation.of(RuleCode.PAYER_MATCH, "the payer's ID number differs from the buyer's"));
        }
        if (amount == null || amount.compareTo(total) != 0) {
            violations.add(Violation.of(
                    RuleCode.PAYER_MATCH, "the amount paid " + amount + " differs from the order total " + total));
        }
        return violations;
    }
}
