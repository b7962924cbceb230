package cn.cbecpilot.platform.compliance;

import java.util.List;

/**
 * PILOT_PRODUCT: a drug or medical device may be sold only when it holds a Chinese import registration certificate
 * (the stricter reading of the pilot, which asks for both the certificate and the positive list).
 */
public final class PilotProductRule implements OrderRule {

    @Override
    public List<Violation> check(OrderCheck order) {
        return order.knownLines().stream()
                .filter(l -> l.product().category().isPilotProduct())
                .filter(l -> !l.product().hasRegistrationCertificate())
                .map(l -> Violation.onLine(
                        RuleCode.PILOT_PRODUCT,
                        l.lineNo(),
                        l.product().category().name().toLowerCase() + " " + l.sku()
                                + " has no Chinese import registration certificate on record"))
                .toList();
    }
}
