package cn.cbecpilot.ceb.xml;

/**
 * A message that cannot be accepted as it stands: not XML, hostile XML, against the schema, or of a
 * type this side does not handle. The platform answers it with HTTP 400.
 */
public final class CebXmlException extends RuntimeException {

    public enum Kind {
        /** Not well-formed, or not the structure expected (a DxpMsg without Data, bad Base64). */
        MALFORMED,
        /** A DOCTYPE, and with it any entity declaration, external or expanding. */
        FORBIDDEN_CONSTRUCT,
        /** Larger than the size limit. */
        TOO_LARGE,
        /** Nested deeper than the depth limit. */
        TOO_DEEP,
        /** Well-formed but against the CEB or DXP schema. */
        SCHEMA_VIOLATION,
        /** A message type this side neither writes nor reads. */
        UNSUPPORTED_TYPE
    }

    private final Kind kind;

    private CebXmlException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static CebXmlException of(Kind kind, String message) {
        return new CebXmlException(kind, message, null);
    }

    public static CebXmlException of(Kind kind, String message, Throwable cause) {
        return new CebXmlException(kind, message, cause);
    }

    public Kind kind() {
        return kind;
    }
}
