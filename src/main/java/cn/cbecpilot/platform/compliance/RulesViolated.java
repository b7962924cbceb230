package cn.cbecpilot.platform.compliance;

import java.util.List;

/** A request refused because it breaks rules; carries every violation, not just the first. */
public class RulesViolated extends RuntimeException {

    private final transient List<Violation> violations;

    public RulesViolated(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public static RulesViolated orderRefused(List<Violation> violations) {
        return new RulesViolated("the order breaks " + violations.size() + " rule(s) of the pilot", violations);
    }

    public static RulesViolated of(RuleCode code, String message) {
        return new RulesViolated(message, List.of(Violation.of(code, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
