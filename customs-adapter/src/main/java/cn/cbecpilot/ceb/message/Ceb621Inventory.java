package cn.cbecpilot.ceb.message;

import java.util.List;
import java.util.Objects;

/** CEB621: the import inventory list, the clearance declaration; 1 to 99 lines, signed. */
public record Ceb621Inventory(InventoryHead head, List<InventoryList> lines, BaseTransfer transfer)
        implements CebRequest {

    public Ceb621Inventory {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(transfer, "transfer");
        lines = Lines.copy(lines, 99);
    }

    @Override
    public MessageType type() {
        return MessageType.CEB621;
    }

    @Override
    public String guid() {
        return head.guid();
    }
}
