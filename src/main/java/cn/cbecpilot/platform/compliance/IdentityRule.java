package cn.cbecpilot.platform.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IDENTITY: the buyer orders under real name: a name, a valid 18-character resident ID (GB 11643 check character and
 * a real birth date), and a mainland mobile number customs can match with the waybill.
 */
public final class IdentityRule implements OrderRule {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private static final int MAX_NAME = 60;

    @Override
    public List<Violation> check(OrderCheck order) {
        return violations(order.buyer(), order.orderDate());
    }

    /** The rule on the buyer alone, for a form that shows it beside problems of its own before the order is sent. */
    public static List<Violation> violations(Buyer buyer, LocalDate orderDate) {
        List<Violation> violations = new ArrayList<>();
        String name = buyer.name() == null ? "" : buyer.name().strip();
        if (name.isEmpty()) {
            violations.add(Violation.of(RuleCode.IDENTITY, "the buyer's real name is missing"));
        } else if (name.length() > MAX_NAME
                || name.chars().anyMatch(c -> Character.isISOControl(c) || Character.isDigit(c))) {
            violations.add(
                    Violation.of(RuleCode.IDENTITY, "the buyer's name must be a real name of at most 60 letters"));
        }
        ResidentId.problem(buyer.idNumber(), orderDate)
                .ifPresent(p -> violations.add(Violation.of(RuleCode.IDENTITY, p)));
        if (buyer.phone() == null || !MOBILE.matcher(buyer.phone()).matches()) {
            violations.add(
                    Violation.of(RuleCode.IDENTITY, "the buyer's phone must be an 11-digit mainland mobile number"));
        }
        return violations;
    }
}
