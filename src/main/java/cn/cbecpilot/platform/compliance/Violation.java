package cn.cbecpilot.platform.compliance;

import java.util.Objects;

/**
 * One broken rule.
 *
 * @param line the 1-based order line it concerns, or null when it concerns the whole order
 */
public record Violation(RuleCode code, String message, Integer line) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Violation of(RuleCode code, String message) {
        return new Violation(code, message, null);
    }

    public static Violation onLine(RuleCode code, int line, String message) {
        return new Violation(code, message, line);
    }
}
