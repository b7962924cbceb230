package cn.cbecpilot.ceb.message;

import java.util.Objects;

/** CEB411: a payment voucher, relayed for the payment company. */
public record Ceb411Payment(PaymentHead head, BaseTransfer transfer) implements CebRequest {

    public Ceb411Payment {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(transfer, "transfer");
    }

    @Override
    public MessageType type() {
        return MessageType.CEB411;
    }

    @Override
    public String guid() {
        return head.guid();
    }
}
