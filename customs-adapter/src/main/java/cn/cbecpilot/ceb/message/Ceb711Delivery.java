package cn.cbecpilot.ceb.message;

import java.util.List;
import java.util.Objects;

/**
 * CEB711: the warehouse-entry detail the supervision site's operator declares when parcels arrive (in practice the
 * 9610 direct-purchase arrival); exactly one {@code Delivery} per message, with at least one parcel; signed.
 */
public record Ceb711Delivery(DeliveryHead head, List<DeliveryList> lines, BaseTransfer transfer) implements CebRequest {

    public Ceb711Delivery {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(transfer, "transfer");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a warehouse-entry detail lists at least one parcel");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.CEB711;
    }

    @Override
    public String guid() {
        return head.guid();
    }
}
