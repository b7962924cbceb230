package cn.cbecpilot.ceb.transport;

import java.util.OptionalInt;

/** The message could not be delivered now but may be later; the caller keeps it and tries again. */
public final class DeliveryUnavailableException extends DeliveryException {

    public enum Reason {
        /** Connection refused or reset, or another I/O failure. */
        TRANSPORT_FAULT,
        /** The other side answered HTTP 5xx. */
        SERVER_ERROR,
        /** No answer within the call timeout. */
        TIMEOUT,
        /** Too many recent failures: calls are refused without trying until the breaker half-opens. */
        CIRCUIT_OPEN,
        /** Beyond the configured request rate. */
        RATE_LIMITED,
        /** Too many deliveries in flight at once. */
        BULKHEAD_FULL
    }

    private final Reason reason;
    private final int status;

    private DeliveryUnavailableException(String guid, Reason reason, int status, Throwable cause) {
        super(
                guid,
                "message " + guid + " not delivered (" + reason + ")"
                        + (status > 0 ? ": HTTP " + status : cause == null ? "" : ": " + cause),
                cause);
        this.reason = reason;
        this.status = status;
    }

    static DeliveryUnavailableException of(String guid, Reason reason, Throwable cause) {
        return new DeliveryUnavailableException(guid, reason, 0, cause);
    }

    static DeliveryUnavailableException serverError(String guid, int status) {
        return new DeliveryUnavailableException(guid, Reason.SERVER_ERROR, status, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, for {@link Reason#SERVER_ERROR}. */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
