package cn.cbecpilot.ceb.message;

import java.util.Objects;

/**
 * One parcel of a warehouse-entry detail (CEB711 {@code DeliveryList}): its waybill number.
 *
 * @param gnum the line number, from 1
 */
public record DeliveryList(int gnum, String logisticsNo, String note) {

    public DeliveryList {
        Objects.requireNonNull(logisticsNo, "logisticsNo");
    }

    void write(XmlOut out) {
        out.add("gnum", gnum);
        out.add("logisticsNo", logisticsNo);
        out.add("note", note);
    }
}
