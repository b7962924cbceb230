package cn.cbecpilot.platform.trace;

/** The coding schemes a sales unit's traceability code may follow. */
public enum TraceScheme {
    /** The NMPA drug traceability code: 20 digits, the first 7 the drug identification code. */
    NMPA20,
    /** A GS1 element string: GTIN (01), serial (21), expiry (17), batch (10). */
    GS1
}
