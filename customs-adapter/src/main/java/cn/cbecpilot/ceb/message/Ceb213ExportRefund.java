package cn.cbecpilot.ceb.message;

import java.util.List;
import java.util.Objects;

/**
 * CEB213: retail export return request, signed. One message carries up to 100 refunds, one per original export list
 * (each head names its list's invtNo), so that a batch return over several lists is one declaration.
 */
public record Ceb213ExportRefund(List<Refund> refunds, BaseTransfer transfer) implements CebRequest {

    /** The return of goods of one original export list: its head and 1 to 100 lines. */
    public record Refund(ExportRefundHead head, List<ExportRefundList> lines) {
        public Refund {
            Objects.requireNonNull(head, "head");
            lines = Lines.copy(lines, 100);
        }
    }

    public Ceb213ExportRefund {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(refunds, "refunds");
        if (refunds.isEmpty() || refunds.size() > 100) {
            throw new IllegalArgumentException("a CEB213 carries 1 to 100 refunds, not " + refunds.size());
        }
        refunds = List.copyOf(refunds);
    }

    /** A return against a single export list. */
    public Ceb213ExportRefund(ExportRefundHead head, List<ExportRefundList> lines, BaseTransfer transfer) {
        this(List.of(new Refund(head, lines)), transfer);
    }

    /** The first refund's head, whose guid is the message's. */
    public ExportRefundHead head() {
        return refunds.get(0).head();
    }

    public List<ExportRefundList> lines() {
        return refunds.get(0).lines();
    }

    @Override
    public MessageType type() {
        return MessageType.CEB213;
    }

    @Override
    public String guid() {
        return head().guid();
    }
}
