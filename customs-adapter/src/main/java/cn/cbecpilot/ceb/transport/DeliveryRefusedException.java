package cn.cbecpilot.ceb.transport;

/**
 * The other side refused the message for good (an HTTP 4xx): sending it again unchanged will fail
 * again, so it is never retried.
 */
public final class DeliveryRefusedException extends DeliveryException {

    private final int status;
    private final String body;

    private DeliveryRefusedException(String guid, int status, String body) {
        super(guid, "message " + guid + " refused with HTTP " + status + ": " + body, null);
        this.status = status;
        this.body = body;
    }

    static DeliveryRefusedException of(String guid, int status, String body) {
        return new DeliveryRefusedException(guid, status, body);
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
