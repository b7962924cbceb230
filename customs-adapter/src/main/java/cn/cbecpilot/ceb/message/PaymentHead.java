package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A payment voucher (CEB411 {@code PaymentHead}); {@code amountPaid} must equal the order's {@code acturalPaid}. Components follow the schema's order;
 * optional ones ({@code telephone, note}) may be null.
 */
public record PaymentHead(
        String guid,
        String appType,
        LocalDateTime appTime,
        String appStatus,
        String payCode,
        String payName,
        String payTransactionId,
        String orderNo,
        String ebpCode,
        String ebpName,
        String payerIdType,
        String payerIdNumber,
        String payerName,
        String telephone,
        BigDecimal amountPaid,
        String currency,
        LocalDateTime payTime,
        String note) {

    public PaymentHead {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
        Objects.requireNonNull(payCode, "payCode");
        Objects.requireNonNull(payName, "payName");
        Objects.requireNonNull(payTransactionId, "payTransactionId");
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(ebpCode, "ebpCode");
        Objects.requireNonNull(ebpName, "ebpName");
        Objects.requireNonNull(payerIdType, "payerIdType");
        Objects.requireNonNull(payerIdNumber, "payerIdNumber");
        Objects.requireNonNull(payerName, "payerName");
        Objects.requireNonNull(amountPaid, "amountPaid");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(payTime, "payTime");
    }

    void write(XmlOut out) {
        out.add("guid", guid);
        out.add("appType", appType);
        out.add("appTime", appTime);
        out.add("appStatus", appStatus);
        out.add("payCode", payCode);
        out.add("payName", payName);
        out.add("payTransactionId", payTransactionId);
        out.add("orderNo", orderNo);
        out.add("ebpCode", ebpCode);
        out.add("ebpName", ebpName);
        out.add("payerIdType", payerIdType);
        out.add("payerIdNumber", payerIdNumber);
        out.add("payerName", payerName);
        out.add("telephone", telephone);
        out.add("amountPaid", amountPaid);
        out.add("currency", currency);
        out.add("payTime", payTime);
        out.add("note", note);
    }
}
