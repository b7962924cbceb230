package cn.cbecpilot.ceb.transport;

/** A message was not delivered. The two subtypes tell a caller whether trying again makes sense. */
public abstract sealed class DeliveryException extends RuntimeException
        permits DeliveryRefusedException, DeliveryUnavailableException {

    private final String guid;

    DeliveryException(String guid, String message, Throwable cause) {
        super(message, cause);
        this.guid = guid;
    }

    public String guid() {
        return guid;
    }
}
