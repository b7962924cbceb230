package cn.cbecpilot.ceb.message;

import java.util.List;
import java.util.Objects;

/** CEB625: return request for a released inventory list; 1 to 99 lines, signed. */
public record Ceb625InvtRefund(InvtRefundHead head, List<InvtRefundList> lines, BaseTransfer transfer)
        implements CebRequest {

    public Ceb625InvtRefund {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(transfer, "transfer");
        lines = Lines.copy(lines, 99);
    }

    @Override
    public MessageType type() {
        return MessageType.CEB625;
    }

    @Override
    public String guid() {
        return head.guid();
    }
}
