package cn.cbecpilot.platform.recall;

import java.util.Objects;
import java.util.Set;

/** An order a recall reaches, and why. */
record AffectedOrder(String orderNo, Kind kind) {

    /**
     * Order statuses that still hold a reservation of bonded stock: placed, not cancelled, and not yet picked (picking
     * turns the reservation into bound units).
     */
    static final Set<String> RESERVING = Set.of(
            "PENDING_PAYMENT",
            "PAID",
            "DECLARED",
            "CUSTOMS_ACCEPTED",
            "MANUAL_REVIEW",
            "INSPECTION",
            "DETAINED",
            "REJECTED",
            "CANCELLING",
            "RELEASED");

    AffectedOrder {
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(kind, "kind");
    }

    enum Kind {
        /** Recalled units are bound to the order: the buyer has them, or they are on the way. */
        HOLDS_UNITS,
        /**
         * The order reserved units of the SKU that the stock left after the block no longer covers: it cannot be
         * filled as placed. When the stock still covers every reservation, no reserving order is reached, because
         * picking never takes a recalled unit.
         */
        RESERVED
    }
}
