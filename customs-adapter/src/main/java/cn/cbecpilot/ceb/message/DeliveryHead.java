package cn.cbecpilot.ceb.message;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The head of a warehouse-entry detail (CEB711 {@code DeliveryHead}), sent by the operator of the customs supervision
 * site when parcels arrive there. Components follow the schema's order; optional ones ({@code copNo, preNo, rkdNo,
 * unloadLocation, note}) may be null.
 *
 * @param rkdNo the entry (入库单) number, once the site has one
 */
public record DeliveryHead(
        String guid,
        String appType,
        LocalDateTime appTime,
        String appStatus,
        String customsCode,
        String copNo,
        String preNo,
        String rkdNo,
        String operatorCode,
        String operatorName,
        String ieFlag,
        String trafMode,
        String trafNo,
        String voyageNo,
        String billNo,
        String logisticsCode,
        String logisticsName,
        String unloadLocation,
        String note) {

    public DeliveryHead {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
        Objects.requireNonNull(customsCode, "customsCode");
        Objects.requireNonNull(operatorCode, "operatorCode");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(ieFlag, "ieFlag");
        Objects.requireNonNull(trafMode, "trafMode");
        Objects.requireNonNull(trafNo, "trafNo");
        Objects.requireNonNull(voyageNo, "voyageNo");
        Objects.requireNonNull(billNo, "billNo");
        Objects.requireNonNull(logisticsCode, "logisticsCode");
        Objects.requireNonNull(logisticsName, "logisticsName");
    }

    void write(XmlOut out) {
        out.add("guid", guid);
        out.add("appType", appType);
        out.add("appTime", appTime);
        out.add("appStatus", appStatus);
        out.add("customsCode", customsCode);
        out.add("copNo", copNo);
        out.add("preNo", preNo);
        out.add("rkdNo", rkdNo);
        out.add("operatorCode", operatorCode);
        out.add("operatorName", operatorName);
        out.add("ieFlag", ieFlag);
        out.add("trafMode", trafMode);
        out.add("trafNo", trafNo);
        out.add("voyageNo", voyageNo);
        out.add("billNo", billNo);
        out.add("logisticsCode", logisticsCode);
        out.add("logisticsName", logisticsName);
        out.add("unloadLocation", unloadLocation);
        out.add("note", note);
    }
}
