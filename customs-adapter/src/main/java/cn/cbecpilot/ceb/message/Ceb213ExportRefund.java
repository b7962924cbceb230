package cn.cbecpilot.ceb.message;

import java.util.List;
import java.util.Objects;

/** CEB213: retail export return request against an original export list; 1 to 100 lines, signed. */
public record Ceb213ExportRefund(ExportRefundHead head, List<ExportRefundList> lines, BaseTransfer transfer)
        implements CebRequest {

    public Ceb213ExportRefund {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(transfer, "transfer");
        lines = Lines.copy(lines, 100);
    }

    @Override
    public MessageType type() {
        return MessageType.CEB213;
    }

    @Override
    public String guid() {
        return head.guid();
    }
}
