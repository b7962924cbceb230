package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an e-order (CEB311 {@code OrderList}); {@code gnum} counts from 1. Components follow the schema's order;
 * optional ones ({@code itemNo, itemDescribe, barCode, note}) may be null.
 */
public record OrderList(
        int gnum,
        String itemNo,
        String itemName,
        String gmodel,
        String itemDescribe,
        String barCode,
        String unit,
        BigDecimal qty,
        BigDecimal price,
        BigDecimal totalPrice,
        String currency,
        String country,
        String note) {

    public OrderList {
        Objects.requireNonNull(itemName, "itemName");
        Objects.requireNonNull(gmodel, "gmodel");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(totalPrice, "totalPrice");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(country, "country");
    }

    void write(XmlOut out) {
        out.add("gnum", gnum);
        out.add("itemNo", itemNo);
        out.add("itemName", itemName);
        out.add("gmodel", gmodel);
        out.add("itemDescribe", itemDescribe);
        out.add("barCode", barCode);
        out.add("unit", unit);
        out.add("qty", qty);
        out.add("price", price);
        out.add("totalPrice", totalPrice);
        out.add("currency", currency);
        out.add("country", country);
        out.add("note", note);
    }
}
