package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an import inventory list (CEB621 {@code InventoryList}), one-to-one with the order lines. Components follow the schema's order;
 * optional ones ({@code itemRecordNo, itemNo, itemName, barCode, tradeCountry, qty2, unit2, note}) may be null.
 */
public record InventoryList(
        int gnum,
        String itemRecordNo,
        String itemNo,
        String itemName,
        String gcode,
        String gname,
        String gmodel,
        String barCode,
        String country,
        String tradeCountry,
        String currency,
        BigDecimal qty,
        String unit,
        BigDecimal qty1,
        String unit1,
        BigDecimal qty2,
        String unit2,
        BigDecimal price,
        BigDecimal totalPrice,
        String note) {

    public InventoryList {
        Objects.requireNonNull(gcode, "gcode");
        Objects.requireNonNull(gname, "gname");
        Objects.requireNonNull(gmodel, "gmodel");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(qty1, "qty1");
        Objects.requireNonNull(unit1, "unit1");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(totalPrice, "totalPrice");
    }

    void write(XmlOut out) {
        out.add("gnum", gnum);
        out.add("itemRecordNo", itemRecordNo);
        out.add("itemNo", itemNo);
        out.add("itemName", itemName);
        out.add("gcode", gcode);
        out.add("gname", gname);
        out.add("gmodel", gmodel);
        out.add("barCode", barCode);
        out.add("country", country);
        out.add("tradeCountry", tradeCountry);
        out.add("currency", currency);
        out.add("qty", qty);
        out.add("unit", unit);
        out.add("qty1", qty1);
        out.add("unit1", unit1);
        out.add("qty2", qty2);
        out.add("unit2", unit2);
        out.add("price", price);
        out.add("totalPrice", totalPrice);
        out.add("note", note);
    }
}
