package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.Conflict;

/** An event the order's state does not allow, or one that lost the race to another event on the same order. */
class EventRefused extends Conflict {

    private final transient OrderStatus current;
    private final boolean raced;

    private EventRefused(String message, OrderStatus current, boolean raced) {
        super(message);
        this.current = current;
        this.raced = raced;
    }

    static EventRefused inState(String orderNo, OrderStatus current, OrderEvent event) {
        return new EventRefused(
                "order " + orderNo + " is " + current + ": " + event + " is not allowed", current, false);
    }

    static EventRefused changedMeanwhile(String orderNo, OrderStatus read, OrderEvent event) {
        return new EventRefused(
                "order " + orderNo + " was " + read + " but changed while " + event + " was applied; read it again",
                read,
                true);
    }

    OrderStatus current() {
        return current;
    }

    /** Whether another event moved the order first: trying again on a fresh read may succeed. */
    boolean raced() {
        return raced;
    }
}
