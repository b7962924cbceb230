package cn.cbecpilot.platform.exportreturn.domain;

import java.util.Optional;

/** What happens to an export return: operator acts, customs receipts, the expiry clock. */
public enum ReturnEvent {
    DECLARE,
    /** CEB214 120. */
    ACCEPT,
    /** CEB214 300, 500, 505 or 600. */
    REVIEW,
    /** CEB214 100. */
    REJECT,
    /** The operator declares a rejected return again, corrected, as a change (appType 2). */
    REDECLARE,
    /** The supervision site tallied the goods on arrival (CEB215). */
    TALLY,
    /** CEB214 800. */
    RELEASE,
    RE_ENTER_DOMESTIC,
    STORE_BONDED,
    CONSOLIDATE,
    REPAIR,
    RELABEL,
    RE_EXPORT,
    EXPIRE;

    /** The event a CEB214 status code means, if any: the 1 to 4 codes only trace the message's way to customs. */
    public static Optional<ReturnEvent> ofRefundReceipt(String returnStatus) {
        return Optional.ofNullable(
                switch (returnStatus.strip()) {
                    case "120" -> ACCEPT;
                    case "300", "500", "505", "600" -> REVIEW;
                    case "100" -> REJECT;
                    case "800" -> RELEASE;
                    default -> null;
                });
    }

    /** The bonded step named in a URL ({@code consolidated}, {@code repaired}, ...), if it is one. */
    public static Optional<ReturnEvent> ofBondedStep(String step) {
        return Optional.ofNullable(
                switch (step.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')) {
                    case "CONSOLIDATED", "CONSOLIDATE" -> CONSOLIDATE;
                    case "REPAIRED", "REPAIR" -> REPAIR;
                    case "RELABELLED", "RELABEL" -> RELABEL;
                    case "RE_EXPORTED", "RE_EXPORT" -> RE_EXPORT;
                    default -> null;
                });
    }
}
