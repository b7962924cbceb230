package cn.cbecpilot.platform.trace;

/** Where a coded unit is: in bond, on its way to (or with) the consumer, back, or blocked by a recall. */
public enum TraceStatus {
    IN_BOND,
    OUT_OF_BOND,
    DELIVERED,
    RETURNED,
    RECALLED
}
