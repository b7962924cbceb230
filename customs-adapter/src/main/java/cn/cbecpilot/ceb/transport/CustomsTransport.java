package cn.cbecpilot.ceb.transport;

import reactor.core.publisher.Mono;

/** Hands a message to the single window. */
public interface CustomsTransport {

    /**
     * Delivers the message. Fails with {@link DeliveryRefusedException} when the other side refused it
     * for good, and with {@link DeliveryUnavailableException} when it may succeed later.
     */
    Mono<DeliveryReceipt> deliver(OutboundMessage message);

    /** False while the transport knows deliveries would fail fast (an open circuit), so callers can wait. */
    default boolean isAvailable() {
        return true;
    }
}
