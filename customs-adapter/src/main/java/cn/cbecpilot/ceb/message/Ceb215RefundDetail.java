package cn.cbecpilot.ceb.message;

import java.util.List;
import java.util.Objects;

/**
 * CEB215: the supervision site's tally of returned export goods on arrival; up to 100 details, one per original export
 * list of the return.
 */
public record Ceb215RefundDetail(List<InvtRefundDetail> details, BaseTransfer transfer) implements CebRequest {

    public Ceb215RefundDetail {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(transfer, "transfer");
        if (details.isEmpty() || details.size() > 100) {
            throw new IllegalArgumentException("a CEB215 carries 1 to 100 details, not " + details.size());
        }
        details = List.copyOf(details);
    }

    public Ceb215RefundDetail(InvtRefundDetail detail, BaseTransfer transfer) {
        this(List.of(detail), transfer);
    }

    public InvtRefundDetail detail() {
        return details.get(0);
    }

    @Override
    public MessageType type() {
        return MessageType.CEB215;
    }

    @Override
    public String guid() {
        return detail().guid();
    }
}
