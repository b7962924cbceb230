package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.Money;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;

/** A persisted order line: what was sold, at what price, with its share of freight and its tax. */
record OrderLineRow(
        String orderNo,
        int lineNo,
        String sku,
        String name,
        String gcode,
        String unit,
        int quantity,
        Money unitPrice,
        Money lineValue,
        Money freight,
        Money tax) {

    static OrderLineRow from(Readable r) {
        return new OrderLineRow(
                r.get("order_no", String.class),
                r.get("line_no", Integer.class),
                r.get("sku", String.class),
                r.get("name", String.class),
                r.get("gcode", String.class),
                r.get("unit", String.class),
                r.get("quantity", Integer.class),
                Money.of(r.get("unit_price", BigDecimal.class)),
                Money.of(r.get("line_value", BigDecimal.class)),
                Money.of(r.get("freight", BigDecimal.class)),
                Money.of(r.get("tax", BigDecimal.class)));
    }
}
