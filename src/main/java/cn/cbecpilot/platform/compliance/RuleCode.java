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
    /** An export return whose goods come back more than one year after the export release. */
    RETURN_WINDOW,
    /** An export return line naming a list that is unknown or was never released for export. */
    NOT_EXPORTED,
    /** An export return line whose goods are not those of the original list (line, gcode, codes). */
    NOT_ORIGINAL,
    /** Returned goods re-entering the domestic market although an export rebate was claimed and not repaid. */
    EXPORT_REBATE,
    PAYER_MATCH,
    AMOUNTS,
    /** A line names a SKU the platform does not sell. */
    UNKNOWN_PRODUCT
}
