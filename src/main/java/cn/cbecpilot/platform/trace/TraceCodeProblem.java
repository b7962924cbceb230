package cn.cbecpilot.platform.trace;

/** Why a scanned or typed traceability code was refused; stable codes that API clients key on. */
public enum TraceCodeProblem {
    /** Nothing, or only blanks, was given. */
    EMPTY,
    /** Neither an NMPA 20-digit code nor a GS1 element string (or an unknown symbology identifier). */
    UNKNOWN_FORMAT,
    /** A code or field longer or shorter than its scheme allows. */
    WRONG_LENGTH,
    /** Letters or symbols where the scheme has digits only. */
    NOT_NUMERIC,
    /** A 20-digit code that does not start with 8, as every NMPA drug traceability code does. */
    WRONG_PREFIX,
    /** A GTIN whose mod-10 check digit does not match. */
    BAD_CHECK_DIGIT,
    /** A YYMMDD field that is no calendar date. */
    BAD_DATE,
    /** A GS1 code without its GTIN (01) or serial (21). */
    MISSING_AI,
    /** A GS1 application identifier the platform does not read. */
    UNKNOWN_AI,
    /** The same application identifier twice. */
    DUPLICATE_AI,
    /** A serial or batch with a character outside the GS1 character set. */
    BAD_CHARACTER,
    /** An application identifier with no value after it. */
    EMPTY_VALUE
}
