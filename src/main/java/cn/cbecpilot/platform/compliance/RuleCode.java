package cn.cbecpilot.platform.compliance;

/** Stable codes of the rules an order or payment can break; API clients key on them. */
public enum RuleCode {
    POSITIVE_LIST,
    PILOT_PRODUCT,
    DUAL_QUALIFICATION,
    IDENTITY,
    SINGLE_LIMIT,
    ANNUAL_LIMIT,
    QUANTITY,
    STOCK,
    PAYER_MATCH,
    AMOUNTS,
    /** A line names a SKU the platform does not sell. */
    UNKNOWN_PRODUCT
}
