package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.QualificationType;
import cn.cbecpilot.platform.enterprise.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DUAL_QUALIFICATION: the platform holds, on the order date, both a CBEC platform registration and an online
 * drug/device trading platform record, and is registered in a pilot region; every seller (ebc) is registered.
 */
public final class DualQualificationRule implements OrderRule {

    @Override
    public List<Violation> check(OrderCheck order) {
        List<Violation> violations = new ArrayList<>(platformProblems(order.platform(), order));
        Set<String> unregistered = new LinkedHashSet<>();
        for (CheckedLine line : order.knownLines()) {
            if (line.seller() == null || !line.seller().has(Role.SELLER)) {
                unregistered.add(line.product().sellerCode());
            }
        }
        unregistered.forEach(code -> violations.add(
                Violation.of(RuleCode.DUAL_QUALIFICATION, "seller " + code + " is not a registered CBEC seller")));
        return violations;
    }

    private static List<Violation> platformProblems(Enterprise platform, OrderCheck order) {
        if (platform == null || !platform.has(Role.PLATFORM)) {
            return List.of(Violation.of(RuleCode.DUAL_QUALIFICATION, "the platform is not a registered CBEC platform"));
        }
        LocalDate day = order.orderDate();
        List<Violation> violations = new ArrayList<>();
        if (!platform.holdsValid(QualificationType.CBEC_PLATFORM, day)) {
            violations.add(Violation.of(
                    RuleCode.DUAL_QUALIFICATION,
                    "platform " + platform.code() + " holds no CBEC platform registration valid on " + day));
        }
        if (!platform.holdsValid(QualificationType.MEDICAL_ONLINE_TRADING, day)) {
            violations.add(Violation.of(
                    RuleCode.DUAL_QUALIFICATION,
                    "platform " + platform.code() + " holds no online drug/device trading record valid on " + day));
        }
        if (!order.pilotRegions().contains(platform.region())) {
            violations.add(Violation.of(
                    RuleCode.DUAL_QUALIFICATION,
                    "platform " + platform.code() + " is registered in " + platform.region() + ", not a pilot region"));
        }
        return violations;
    }
}
