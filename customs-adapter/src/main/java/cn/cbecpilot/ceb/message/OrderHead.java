package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The head of an e-order (CEB311 {@code OrderHead}). Components follow the schema's order;
 * optional ones ({@code payCode, payName, payTransactionId, batchNumbers, consigneeDistrict, note}) may be null.
 */
public record OrderHead(
        String guid,
        String appType,
        LocalDateTime appTime,
        String appStatus,
        String orderType,
        String orderNo,
        String ebpCode,
        String ebpName,
        String ebcCode,
        String ebcName,
        BigDecimal goodsValue,
        BigDecimal freight,
        BigDecimal discount,
        BigDecimal taxTotal,
        BigDecimal acturalPaid,
        String currency,
        String buyerRegNo,
        String buyerName,
        String buyerTelephone,
        String buyerIdType,
        String buyerIdNumber,
        String payCode,
        String payName,
        String payTransactionId,
        String batchNumbers,
        String consignee,
        String consigneeTelephone,
        String consigneeAddress,
        String consigneeDistrict,
        String note) {

    public OrderHead {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(ebpCode, "ebpCode");
        Objects.requireNonNull(ebpName, "ebpName");
        Objects.requireNonNull(ebcCode, "ebcCode");
        Objects.requireNonNull(ebcName, "ebcName");
        Objects.requireNonNull(goodsValue, "goodsValue");
        Objects.requireNonNull(freight, "freight");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(taxTotal, "taxTotal");
        Objects.requireNonNull(acturalPaid, "acturalPaid");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(buyerRegNo, "buyerRegNo");
        Objects.requireNonNull(buyerName, "buyerName");
        Objects.requireNonNull(buyerTelephone, "buyerTelephone");
        Objects.requireNonNull(buyerIdType, "buyerIdType");
        Objects.requireNonNull(buyerIdNumber, "buyerIdNumber");
        Objects.requireNonNull(consignee, "consignee");
        Objects.requireNonNull(consigneeTelephone, "consigneeTelephone");
        Objects.requireNonNull(consigneeAddress, "consigneeAddress");
    }

    void write(XmlOut out) {
        out.add("guid", guid);
        out.add("appType", appType);
        out.add("appTime", appTime);
        out.add("appStatus", appStatus);
        out.add("orderType", orderType);
        out.add("orderNo", orderNo);
        out.add("ebpCode", ebpCode);
        out.add("ebpName", ebpName);
        out.add("ebcCode", ebcCode);
        out.add("ebcName", ebcName);
        out.add("goodsValue", goodsValue);
        out.add("freight", freight);
        out.add("discount", discount);
        out.add("taxTotal", taxTotal);
        out.add("acturalPaid", acturalPaid);
        out.add("currency", currency);
        out.add("buyerRegNo", buyerRegNo);
        out.add("buyerName", buyerName);
        out.add("buyerTelephone", buyerTelephone);
        out.add("buyerIdType", buyerIdType);
        out.add("buyerIdNumber", buyerIdNumber);
        out.add("payCode", payCode);
        out.add("payName", payName);
        out.add("payTransactionId", payTransactionId);
        out.add("batchNumbers", batchNumbers);
        out.add("consignee", consignee);
        out.add("consigneeTelephone", consigneeTelephone);
        out.add("consigneeAddress", consigneeAddress);
        out.add("consigneeDistrict", consigneeDistrict);
        out.add("note", note);
    }
}
