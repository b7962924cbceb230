package cn.cbecpilot.ceb.transport;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that a transport took a message over. It says nothing about customs' verdict, which comes
 * later as a receipt message.
 *
 * @param guid the delivered message's guid
 * @param deliveredAt when the transport took it over
 * @param reference what the other side answered: the HTTP status and body, or the outbox file name
 */
public record DeliveryReceipt(String guid, Instant deliveredAt, String reference) {

    public DeliveryReceipt {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(reference, "reference");
    }
}
