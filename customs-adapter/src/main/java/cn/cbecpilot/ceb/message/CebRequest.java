package cn.cbecpilot.ceb.message;

/**
 * An outbound CEB message: one business document and the sender's {@link BaseTransfer}. Its guid is
 * the business head's guid, which the root carries too, as in the official samples.
 */
public sealed interface CebRequest
        permits Ceb311Order,
                Ceb411Payment,
                Ceb511Logistics,
                Ceb621Inventory,
                Ceb623InvtCancel,
                Ceb625InvtRefund,
                Ceb711Delivery,
                Ceb213ExportRefund,
                Ceb215RefundDetail {

    MessageType type();

    String guid();

    BaseTransfer transfer();
}
