package cn.cbecpilot.ceb.gateway;

import cn.cbecpilot.ceb.transport.DeliveryReceipt;
import java.util.Objects;

/**
 * A request the transport took over; customs' verdict comes later as a receipt.
 *
 * @param message what was sent
 * @param delivery the transport's acknowledgement
 */
public record Submission(PreparedMessage message, DeliveryReceipt delivery) {

    public Submission {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(delivery, "delivery");
    }
}
