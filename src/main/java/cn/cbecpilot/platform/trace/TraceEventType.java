package cn.cbecpilot.platform.trace;

/** What happened to a coded unit; every change of a code is recorded as one of these. */
public enum TraceEventType {
    /** The unit entered bond with its lot. */
    REGISTERED,
    /** The unit was bound to an order line and left bond. */
    PICKED,
    HANDED_OVER,
    DELIVERED,
    RETURNED,
    /** A recall campaign blocked the unit. */
    RECALLED,
    /** The recalled unit was taken back (from the consumer, or out of stock). */
    RETRIEVED
}
