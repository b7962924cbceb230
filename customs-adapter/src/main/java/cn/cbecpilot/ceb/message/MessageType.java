package cn.cbecpilot.ceb.message;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The CEB message types the adapter writes (requests) or reads (receipts). */
public enum MessageType {
    CEB311(Flow.IMPORT, false, null),
    CEB411(Flow.IMPORT, false, null),
    CEB511(Flow.IMPORT, false, null),
    CEB621(Flow.IMPORT, true, null),
    CEB623(Flow.IMPORT, true, null),
    CEB625(Flow.IMPORT, true, null),
    CEB711(Flow.IMPORT, true, null),
    CEB213(Flow.EXPORT, true, null),
    CEB215(Flow.EXPORT, false, null),
    CEB312(Flow.IMPORT, false, "OrderReturn"),
    CEB412(Flow.IMPORT, false, "PaymentReturn"),
    CEB512(Flow.IMPORT, false, "LogisticsReturn"),
    CEB622(Flow.IMPORT, false, "InventoryReturn"),
    CEB624(Flow.IMPORT, false, "InvtCancelReturn"),
    CEB626(Flow.IMPORT, false, "InvtRefundReturn"),
    CEB816(Flow.IMPORT, false, "TaxHeadRd"),
    CEB900(Flow.IMPORT, false, "MessageReturn"),
    CEB214(Flow.EXPORT, false, "RefundReturn"),
    CEB216(Flow.EXPORT, false, "InvtRefundDetailReturn");

    /** Which of the two customs systems a message belongs to; they have different DXP receivers. */
    public enum Flow {
        IMPORT,
        EXPORT
    }

    public static final String NAMESPACE = "http://www.chinaport.gov.cn/ceb";

    /** The requests customs refuses unsigned. */
    private final boolean signed;

    private final Flow flow;
    private final String returnElement;

    MessageType(Flow flow, boolean signed, String returnElement) {
        this.flow = flow;
        this.signed = signed;
        this.returnElement = returnElement;
    }

    /** The root element's name, e.g. {@code CEB621Message}; also the DXP {@code MsgType}. */
    public String rootName() {
        return name() + "Message";
    }

    public Flow flow() {
        return flow;
    }

    public boolean requiresSignature() {
        return signed;
    }

    public boolean isReceipt() {
        return returnElement != null;
    }

    /** The element each receipt sits in ({@code InventoryReturn}, ...); {@code TaxHeadRd} for the tax bill. */
    String returnElement() {
        return returnElement;
    }

    public static Optional<MessageType> ofRootName(String rootName) {
        return Arrays.stream(values())
                .filter(t -> t.rootName().equals(rootName))
                .findFirst();
    }

    static MessageType receiptOf(String rootName) {
        return ofRootName(rootName)
                .filter(MessageType::isReceipt)
                .orElseThrow(() -> CebXmlException.of(
                        Kind.UNSUPPORTED_TYPE, rootName + " is not a receipt this adapter reads: " + receipts()));
    }

    static List<MessageType> receipts() {
        return Arrays.stream(values()).filter(MessageType::isReceipt).toList();
    }
}
