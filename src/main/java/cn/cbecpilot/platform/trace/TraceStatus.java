package cn.cbecpilot.platform.trace;

/**
 * Where a coded unit is, following its order (DESIGN section 4): in bond, picked out of bond, with the carrier, signed
 * for by the consumer, returned by the consumer into bond, or blocked by a recall.
 */
public enum TraceStatus {
    /** In bond and sellable. */
    IN_BOND,
    /** Bound to an order line and out of bond, not yet with the carrier. */
    OUT_OF_BOND,
    /** The carrier took the parcel. */
    IN_TRANSIT,
    /** The consumer signed for the parcel. */
    DELIVERED,
    /**
     * Back in bond from the consumer with its order's approved return. Held there, not sold again: a drug that has
     * been with a consumer is no longer first-hand stock, so it stays out of the lot's sellable units.
     */
    RETURNED,
    /** A recall campaign blocked the unit. */
    RECALLED
}
