package cn.cbecpilot.ceb.message;

import java.util.Objects;

/** CEB215: the supervision site's tally of returned export goods on arrival. */
public record Ceb215RefundDetail(InvtRefundDetail detail, BaseTransfer transfer) implements CebRequest {

    public Ceb215RefundDetail {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(transfer, "transfer");
    }

    @Override
    public MessageType type() {
        return MessageType.CEB215;
    }

    @Override
    public String guid() {
        return detail.guid();
    }
}
