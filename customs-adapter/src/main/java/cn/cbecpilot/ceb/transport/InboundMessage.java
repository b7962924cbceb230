package cn.cbecpilot.ceb.transport;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message that arrived from the single window, still as raw bytes (a DXP envelope or a bare
 * receipt); parsing it is the caller's business.
 *
 * @param name where it came from: the inbox file name or the poll response's message id
 * @param payload the raw bytes
 * @param receivedAt when it arrived
 */
public record InboundMessage(String name, byte[] payload, Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(receivedAt, "receivedAt");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InboundMessage o
                && name.equals(o.name)
                && receivedAt.equals(o.receivedAt)
                && Arrays.equals(payload, o.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, receivedAt, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "InboundMessage[" + name + ", " + payload.length + " bytes, " + receivedAt + "]";
    }
}
