package cn.cbecpilot.ceb.message;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The tally of returned export goods on arrival at the supervision site (CEB215 {@code InvtRefundDetail}). Components follow the schema's order;
 * optional ones ({@code invtNo, preNo, location, note}) may be null.
 */
public record InvtRefundDetail(
        String guid,
        String appType,
        LocalDateTime appTime,
        String appStatus,
        String customsCode,
        String operatorCode,
        String operatorName,
        String logisticsCode,
        String logisticsName,
        String logisticsNo,
        String invtNo,
        String coElNo,
        String preNo,
        String billNo,
        String ieFlag,
        String trafMode,
        String trafName,
        String voyageNo,
        String location,
        String note) {

    public InvtRefundDetail {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
        Objects.requireNonNull(customsCode, "customsCode");
        Objects.requireNonNull(operatorCode, "operatorCode");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(logisticsCode, "logisticsCode");
        Objects.requireNonNull(logisticsName, "logisticsName");
        Objects.requireNonNull(logisticsNo, "logisticsNo");
        Objects.requireNonNull(coElNo, "coElNo");
        Objects.requireNonNull(billNo, "billNo");
        Objects.requireNonNull(ieFlag, "ieFlag");
        Objects.requireNonNull(trafMode, "trafMode");
        Objects.requireNonNull(trafName, "trafName");
        Objects.requireNonNull(voyageNo, "voyageNo");
    }

    void write(XmlOut out) {
        out.add("guid", guid);
        out.add("appType", appType);
        out.add("appTime", appTime);
        out.add("appStatus", appStatus);
        out.add("customsCode", customsCode);
        out.add("operatorCode", operatorCode);
        out.add("operatorName", operatorName);
        out.add("logisticsCode", logisticsCode);
        out.add("logisticsName", logisticsName);
        out.add("logisticsNo", logisticsNo);
        out.add("invtNo", invtNo);
        out.add("coElNo", coElNo);
        out.add("preNo", preNo);
        out.add("billNo", billNo);
        out.add("ieFlag", ieFlag);
        out.add("trafMode", trafMode);
        out.add("trafName", trafName);
        out.add("voyageNo", voyageNo);
        out.add("location", location);
        out.add("note", note);
    }
}
