package cn.cbecpilot.ceb.message;

import java.util.List;
import java.util.Objects;

/** CEB311: an e-order, sent by the platform or the seller (ebc); 1 to 99 lines. */
public record Ceb311Order(OrderHead head, List<OrderList> lines, BaseTransfer transfer) implements CebRequest {

    public Ceb311Order {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(transfer, "transfer");
        lines = Lines.copy(lines, 99);
    }

    @Override
    public MessageType type() {
        return MessageType.CEB311;
    }

    @Override
    public String guid() {
        return head.guid();
    }
}
