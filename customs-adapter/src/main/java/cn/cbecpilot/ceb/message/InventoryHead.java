package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The head of an import inventory list (CEB621 {@code InventoryHead}), the clearance declaration itself. Components follow the schema's order;
 * optional ones ({@code copNo, preNo, emsNo, invtNo, ieDate, areaCode, areaName, trafNo, voyageNo, billNo, loctNo, licenseNo, wrapType, note}) may be null.
 */
public record InventoryHead(
        String guid,
        String appType,
        LocalDateTime appTime,
        String appStatus,
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
        String assureCode,
        String emsNo,
        String invtNo,
        String ieFlag,
        LocalDate declTime,
        String customsCode,
        String portCode,
        LocalDate ieDate,
        String buyerIdType,
        String buyerIdNumber,
        String buyerName,
        String buyerTelephone,
        String consigneeAddress,
        String agentCode,
        String agentName,
        String areaCode,
        String areaName,
        String tradeMode,
        String trafMode,
        String trafNo,
        String voyageNo,
        String billNo,
        String loctNo,
        String licenseNo,
        String country,
        BigDecimal freight,
        BigDecimal insuredFee,
        String currency,
        String wrapType,
        int packNo,
        BigDecimal grossWeight,
        BigDecimal netWeight,
        String note) {

    public InventoryHead {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(ebpCode, "ebpCode");
        Objects.requireNonNull(ebpName, "ebpName");
        Objects.requireNonNull(ebcCode, "ebcCode");
        Objects.requireNonNull(ebcName, "ebcName");
        Objects.requireNonNull(logisticsNo, "logisticsNo");
        Objects.requireNonNull(logisticsCode, "logisticsCode");
        Objects.requireNonNull(logisticsName, "logisticsName");
        Objects.requireNonNull(assureCode, "assureCode");
        Objects.requireNonNull(ieFlag, "ieFlag");
        Objects.requireNonNull(declTime, "declTime");
        Objects.requireNonNull(customsCode, "customsCode");
        Objects.requireNonNull(portCode, "portCode");
        Objects.requireNonNull(buyerIdType, "buyerIdType");
        Objects.requireNonNull(buyerIdNumber, "buyerIdNumber");
        Objects.requireNonNull(buyerName, "buyerName");
        Objects.requireNonNull(buyerTelephone, "buyerTelephone");
        Objects.requireNonNull(consigneeAddress, "consigneeAddress");
        Objects.requireNonNull(agentCode, "agentCode");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(tradeMode, "tradeMode");
        Objects.requireNonNull(trafMode, "trafMode");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(freight, "freight");
        Objects.requireNonNull(insuredFee, "insuredFee");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(grossWeight, "grossWeight");
        Objects.requireNonNull(netWeight, "netWeight");
    }

    void write(XmlOut out) {
        out.add("guid", guid);
        out.add("appType", appType);
        out.add("appTime", appTime);
        out.add("appStatus", appStatus);
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
        out.add("assureCode", assureCode);
        out.add("emsNo", emsNo);
        out.add("invtNo", invtNo);
        out.add("ieFlag", ieFlag);
        out.add("declTime", declTime);
        out.add("customsCode", customsCode);
        out.add("portCode", portCode);
        out.add("ieDate", ieDate);
        out.add("buyerIdType", buyerIdType);
        out.add("buyerIdNumber", buyerIdNumber);
        out.add("buyerName", buyerName);
        out.add("buyerTelephone", buyerTelephone);
        out.add("consigneeAddress", consigneeAddress);
        out.add("agentCode", agentCode);
        out.add("agentName", agentName);
        out.add("areaCode", areaCode);
        out.add("areaName", areaName);
        out.add("tradeMode", tradeMode);
        out.add("trafMode", trafMode);
        out.add("trafNo", trafNo);
        out.add("voyageNo", voyageNo);
        out.add("billNo", billNo);
        out.add("loctNo", loctNo);
        out.add("licenseNo", licenseNo);
        out.add("country", country);
        out.add("freight", freight);
        out.add("insuredFee", insuredFee);
        out.add("currency", currency);
        out.add("wrapType", wrapType);
        out.add("packNo", packNo);
        out.add("grossWeight", grossWeight);
        out.add("netWeight", netWeight);
        out.add("note", note);
    }
}
