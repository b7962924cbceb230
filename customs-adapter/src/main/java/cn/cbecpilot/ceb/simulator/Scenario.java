package cn.cbecpilot.ceb.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the simulated customs answers an inventory list (and, for the transport faults, any message).
 * Chosen per message by a suffix of its copNo (orderNo on 311/411/511, coElNo on 213/215), so that
 * tests and demos can steer single parcels; otherwise the simulator's default applies.
 */
public enum Scenario {
    /** 120 accepted, then 800 released. */
    ACCEPT_RELEASE("-ACC"),
    /** 100 rejected, with a reason in returnInfo. */
    REJECT("-REJ"),
    /** 120, then 500 inspection, then 800 released. */
    INSPECT_RELEASE("-INS"),
    /** 120, then 501 detained. */
    HOLD("-HLD"),
    /** 120, then 300 manual review. */
    MANUAL_REVIEW("-MAN"),
    /** HTTP 503 for every attempt: nothing is taken over. */
    SERVER_ERROR("-5XX"),
    /** Accepted and released, but the HTTP answer comes only after the slow-answer delay. */
    SLOW("-SLW"),
    /** HTTP 503 for the first delivery of a message, then taken over: a short outage the sender's retry rides out. */
    BURST("-BST"),
    /**
     * Taken over and answered as usual, but the pushes of its receipts are lost on the way: only the poll queue, when
     * the simulator keeps one, still has them.
     */
    DROPPED_RECEIPTS("-DRP");

    private final String suffix;

    Scenario(String suffix) {
        this.suffix = suffix;
    }

    /** The marker a copNo ends with to pick this scenario, e.g. {@code COP123-REJ}. */
    public String suffix() {
        return suffix;
    }

    static Optional<Scenario> markedBy(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String upper = key.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> upper.endsWith(s.suffix)).findFirst();
    }
}
