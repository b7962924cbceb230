package cn.cbecpilot.ceb.message;

import java.util.Objects;

/** CEB511: a waybill, relayed for the logistics company. */
public record Ceb511Logistics(LogisticsHead head, BaseTransfer transfer) implements CebRequest {

    public Ceb511Logistics {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(transfer, "transfer");
    }

    @Override
    public MessageType type() {
        return MessageType.CEB511;
    }

    @Override
    public String guid() {
        return head.guid();
    }
}
