package cn.cbecpilot.ceb.transport;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message ready to leave: already signed and wrapped, so the transport treats the bytes as opaque.
 *
 * @param messageType e.g. {@code CEB621Message}; letters and digits only, as it becomes part of a file name
 * @param guid the message guid; letters, digits and hyphens only, for the same reason
 * @param payload the bytes to deliver
 */
public record OutboundMessage(String messageType, String guid, byte[] payload) {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9]{1,40}");
    private static final Pattern GUID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public OutboundMessage {
        Objects.requireNonNull(payload, "payload");
        if (messageType == null || !TYPE.matcher(messageType).matches()) {
            throw new IllegalArgumentException("messageType must be 1-40 letters or digits: " + messageType);
        }
        if (guid == null || !GUID.matcher(guid).matches()) {
            throw new IllegalArgumentException("guid must be 1-64 letters, digits or hyphens: " + guid);
        }
        if (payload.length == 0) {
            throw new IllegalArgumentException("payload is empty");
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The bytes without a copy, for the transports, which only read them. */
    byte[] payloadView() {
        return payload;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboundMessage o
                && messageType.equals(o.messageType)
                && guid.equals(o.guid)
                && Arrays.equals(payload, o.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageType, guid, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "OutboundMessage[" + messageType + " " + guid + ", " + payload.length + " bytes]";
    }
}
