package cn.cbecpilot.ceb.message;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A request to cancel an inventory list (CEB623 {@code InvtCancel}); {@code appType} may only be 1. Components follow the schema's order;
 * optional ones ({@code copNo, preNo, note}) may be null.
 */
public record InvtCancel(
        String guid,
        String appType,
        LocalDateTime appTime,
        String appStatus,
        String customsCode,
        String orderNo,
        String ebpCode,
        String ebpName,
        String ebcCode,
        String ebcName,
        String logisticsNo,
        String logisticsCode,
        String logisticsName,
        String copNo,
        String preNo,
        String invtNo,
        String buyerIdType,
        String buyerIdNumber,
        String buyerName,
        String buyerTelephone,
        String agentCode,
        String agentName,
        String reason,
        String note) {

    public InvtCancel {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
        Objects.requireNonNull(customsCode, "customsCode");
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(ebpCode, "ebpCode");
        Objects.requireNonNull(ebpName, "ebpName");
        Objects.requireNonNull(ebcCode, "ebcCode");
        Objects.requireNonNull(ebcName, "ebcName");
        Objects.requireNonNull(logisticsNo, "logisticsNo");
        Objects.requireNonNull(logisticsCode, "logisticsCode");
        Objects.requireNonNull(logisticsName, "logisticsName");
        Objects.requireNonNull(invtNo, "invtNo");
        Objects.requireNonNull(buyerIdType, "buyerIdType");
        Objects.requireNonNull(buyerIdNumber, "buyerIdNumber");
        Objects.requireNonNull(buyerName, "buyerName");
        Objects.requireNonNull(buyerTelephone, "buyerTelephone");
        Objects.requireNonNull(agentCode, "agentCode");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(reason, "reason");
    }

    void write(XmlOut out) {
        out.add("guid", guid);
        out.add("appType", appType);
        out.add("appTime", appTime);
        out.add("appStatus", appStatus);
        out.add("customsCode", customsCode);
        out.add("orderNo", orderNo);
        out.add("ebpCode", ebpCode);
        out.add("ebpName", ebpName);
        out.add("ebcCode", ebcCode);
        out.add("ebcName", ebcName);
        out.add("logisticsNo", logisticsNo);
        out.add("logisticsCode", logisticsCode);
        out.add("logisticsName", logisticsName);
        out.add("copNo", copNo);
        out.add("preNo", preNo);
        out.add("invtNo", invtNo);
        out.add("buyerIdType", buyerIdType);
        out.add("buyerIdNumber", buyerIdNumber);
        out.add("buyerName", buyerName);
        out.add("buyerTelephone", buyerTelephone);
        out.add("agentCode", agentCode);
        out.add("agentName", agentName);
        out.add("reason", reason);
        out.add("note", note);
    }
}
