package cn.cbecpilot.ceb.message;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The head of a retail export return request (CEB213 {@code InvtRefundHead}); {@code invtNo} is the original export list. Components follow the schema's order;
 * optional ones ({@code loctNo, preNo, tradeMode, note}) may be null.
 */
public record ExportRefundHead(
        String guid,
        String appType,
        LocalDateTime appTime,
        String appStatus,
        String customsCode,
        String loctNo,
        String ebpCode,
        String ebpName,
        String ebcCode,
        String ebcName,
        String logisticsNo,
        String logisticsCode,
        String logisticsName,
        String coElNo,
        String preNo,
        String invtNo,
        String tradeMode,
        String agentCode,
        String agentName,
        String billNo,
        String ieFlag,
        String trafMode,
        String trafName,
        String portCode,
        String reason,
        String country,
        String voyageNo,
        String note) {

    public ExportRefundHead {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
        Objects.requireNonNull(customsCode, "customsCode");
        Objects.requireNonNull(ebpCode, "ebpCode");
        Objects.requireNonNull(ebpName, "ebpName");
        Objects.requireNonNull(ebcCode, "ebcCode");
        Objects.requireNonNull(ebcName, "ebcName");
        Objects.requireNonNull(logisticsNo, "logisticsNo");
        Objects.requireNonNull(logisticsCode, "logisticsCode");
        Objects.requireNonNull(logisticsName, "logisticsName");
        Objects.requireNonNull(coElNo, "coElNo");
        Objects.requireNonNull(invtNo, "invtNo");
        Objects.requireNonNull(agentCode, "agentCode");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(billNo, "billNo");
        Objects.requireNonNull(ieFlag, "ieFlag");
        Objects.requireNonNull(trafMode, "trafMode");
        Objects.requireNonNull(trafName, "trafName");
        Objects.requireNonNull(portCode, "portCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(voyageNo, "voyageNo");
    }

    void write(XmlOut out) {
        out.add("guid", guid);
        out.add("appType", appType);
        out.add("appTime", appTime);
        out.add("appStatus", appStatus);
        out.add("customsCode", customsCode);
        out.add("loctNo", loctNo);
        out.add("ebpCode", ebpCode);
        out.add("ebpName", ebpName);
        out.add("ebcCode", ebcCode);
        out.add("ebcName", ebcName);
        out.add("logisticsNo", logisticsNo);
        out.add("logisticsCode", logisticsCode);
        out.add("logisticsName", logisticsName);
        out.add("coElNo", coElNo);
        out.add("preNo", preNo);
        out.add("invtNo", invtNo);
        out.add("tradeMode", tradeMode);
        out.add("agentCode", agentCode);
        out.add("agentName", agentName);
        out.add("billNo", billNo);
        out.add("ieFlag", ieFlag);
        out.add("trafMode", trafMode);
        out.add("trafName", trafName);
        out.add("portCode", portCode);
        out.add("reason", reason);
        out.add("country", country);
        out.add("voyageNo", voyageNo);
        out.add("note", note);
    }
}
