package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A waybill (CEB511 {@code LogisticsHead}). Components follow the schema's order;
 * optional ones ({@code billNo, freight, insuredFee, goodsInfo, note}) may be null.
 */
public record LogisticsHead(
        String guid,
        String appType,
        LocalDateTime appTime,
        String appStatus,
        String logisticsCode,
        String logisticsName,
        String logisticsNo,
        String billNo,
        String orderNo,
        BigDecimal freight,
        BigDecimal insuredFee,
        String currency,
        BigDecimal weight,
        int packNo,
        String goodsInfo,
        String consignee,
        String consigneeAddress,
        String consigneeTelephone,
        String note) {

    public LogisticsHead {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
        Objects.requireNonNull(logisticsCode, "logisticsCode");
        Objects.requireNonNull(logisticsName, "logisticsName");
        Objects.requireNonNull(logisticsNo, "logisticsNo");
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(consignee, "consignee");
        Objects.requireNonNull(consigneeAddress, "consigneeAddress");
        Objects.requireNonNull(consigneeTelephone, "consigneeTelephone");
    }

    void write(XmlOut out) {
        out.add("guid", guid);
        out.add("appType", appType);
        out.add("appTime", appTime);
        out.add("appStatus", appStatus);
        out.add("logisticsCode", logisticsCode);
        out.add("logisticsName", logisticsName);
        out.add("logisticsNo", logisticsNo);
        out.add("billNo", billNo);
        out.add("orderNo", orderNo);
        out.add("freight", freight);
        out.add("insuredFee", insuredFee);
        out.add("currency", currency);
        out.add("weight", weight);
        out.add("packNo", packNo);
        out.add("goodsInfo", goodsInfo);
        out.add("consignee", consignee);
        out.add("consigneeAddress", consigneeAddress);
        out.add("consigneeTelephone", consigneeTelephone);
        out.add("note", note);
    }
}
