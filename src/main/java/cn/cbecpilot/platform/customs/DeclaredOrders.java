package cn.cbecpilot.platform.customs;

import cn.cbecpilot.platform.privacy.PersonalData;
import cn.cbecpilot.platform.shared.NotFound;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads an order as the customs messages need it: two queries, head with enterprise names, then the lines. */
@Component
class DeclaredOrders {

    private final DatabaseClient db;
    private final PersonalData data;

    DeclaredOrders(DatabaseClient db, PersonalData data) {
        this.db = db;
        this.data = data;
    }

    Mono<DeclaredOrder> find(String orderNo) {
        var lines = db.sql("select l.line_no, l.sku, l.name, l.gcode, l.unit, l.quantity, l.unit_price, l.line_value,"
                        + " p.origin_country, p.gtin from order_line l join product p on p.sku = l.sku"
                        + " where l.order_no = $1 order by l.line_no")
                .bind(0, orderNo)
                .map((r, m) -> new DeclaredOrder.Line(
                        r.get("line_no", Integer.class),
                        r.get("sku", String.class),
                        r.get("name", String.class),
                        r.get("gcode", String.class),
                        r.get("unit", String.class),
                        r.get("quantity", Integer.class),
                        r.get("unit_price", BigDecimal.class),
                        r.get("line_value", BigDecimal.class),
                        r.get("origin_country", String.class),
                        r.get("gtin", String.class)))
                .all()
                .collectList();
        return db.sql("select o.*, pe.name as platform_name, se.name as seller_name, pay.name as pay_name"
                        + " from customer_order o join enterprise pe on pe.code = o.platform_code"
                        + " join enterprise se on se.code = o.seller_code"
                        + " left join enterprise pay on pay.code = o.pay_code where o.order_no = $1")
                .bind(0, orderNo)
                .map((r, m) -> new DeclaredOrder(
                        r.get("order_no", String.class),
                        r.get("platform_code", String.class),
                        r.get("platform_name", String.class),
                        r.get("seller_code", String.class),
                        r.get("seller_name", String.class),
                        data.open(r.get("buyer_name", String.class)),
                        data.open(r.get("buyer_id_number", String.class)),
                        data.open(r.get("buyer_phone", String.class)),
                        data.open(r.get("consignee_name", String.class)),
                        data.open(r.get("consignee_phone", String.class)),
                        data.open(r.get("consignee_address", String.class)),
                        r.get("goods_value", BigDecimal.class),
                        r.get("freight", BigDecimal.class),
                        r.get("insurance", BigDecimal.class),
                        r.get("discount", BigDecimal.class),
                        r.get("tax_total", BigDecimal.class),
                        r.get("total", BigDecimal.class),
                        r.get("pay_code", String.class),
                        orElse(r.get("pay_name", String.class), r.get("pay_code", String.class)),
                        r.get("pay_transaction_id", String.class),
                        r.get("paid_at", Instant.class),
                        r.get("invt_no", String.class),
                        r.get("status", String.class),
                        r.get("customs_status", String.class),
                        List.of()))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFound("order " + orderNo + " does not exist")))
                .zipWith(lines, DeclaredOrder::withLines);
    }

    /** A payment company that is not on record as an enterprise is declared under its code. */
    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
