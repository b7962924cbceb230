package cn.cbecpilot.ceb.message;

import java.util.Objects;

/** CEB623: cancellation of an inventory list not yet released; signed. */
public record Ceb623InvtCancel(InvtCancel cancel, BaseTransfer transfer) implements CebRequest {

    public Ceb623InvtCancel {
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(transfer, "transfer");
    }

    @Override
    public MessageType type() {
        return MessageType.CEB623;
    }

    @Override
    public String guid() {
        return cancel.guid();
    }
}
