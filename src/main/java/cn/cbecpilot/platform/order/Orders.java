package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Orders, their lines and timelines, in PostgreSQL. Writes join the caller's transaction. */
@Repository
class Orders {

    private final DatabaseClient db;
    private final PersonalData data;

    Orders(DatabaseClient db, PersonalData data) {
        this.db = db;
        this.data = data;
    }

    Mono<OrderRow> find(String orderNo) {
        return db.sql("select " + OrderRow.COLUMNS + " from customer_order where order_no = $1")
                .bind(0, orderNo)
                .map(r -> OrderRow.from(r, data))
                .one();
    }

    Mono<OrderRow> findByIdempotencyKey(String key) {
        return db.sql("select " + OrderRow.COLUMNS + " from customer_order where idempotency_key = $1")
                .bind(0, key)
                .map(r -> OrderRow.from(r, data))
                .one();
    }

    Flux<OrderLineRow> lines(String orderNo) {
        return db.sql("select * from order_line where order_no = $1 order by line_no")
                .bind(0, orderNo)
                .map(OrderLineRow::from)
                .all();
    }

    Flux<HistoryEntry> history(String orderNo) {
        return db.sql("select from_status, to_status, event, at, detail from order_history"
                        + " where order_no = $1 order by id")
                .bind(0, orderNo)
                .map((r, m) -> new HistoryEntry(
                        status(r.get("from_status", String.class)),
                        OrderStatus.valueOf(r.get("to_status", String.class)),
                        r.get("event", String.class),
                        r.get("at", OffsetDateTime.class).toInstant(),
                        r.get("detail", String.class)))
                .all();
    }

    /** Traceability codes bound to the order's lines at picking, by line number. */
    Mono<Map<Integer, List<String>>> codes(String orderNo) {
        return db.sql("select line_no, raw from trace_code where order_no = $1 order by line_no, id")
                .bind(0, orderNo)
                .map((r, m) -> Map.entry(r.get("line_no", Integer.class), r.get("raw", String.class)))
                .all()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    Mono<Void> insert(OrderRow o, List<OrderLineRow> lines) {
        var head = db.sql("insert into customer_order (" + OrderRow.COLUMNS + ", updated_at) values ($1, $2, $3, $4,"
                        + " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,"
                        + " $24, $23)")
                .bind(0, o.orderNo())
                .bind(1, o.orderToken())
                .bind(2, o.idempotencyKey())
                .bind(3, o.requestHash())
                .bind(4, o.platformCode())
                .bind(5, o.sellerCode())
                .bind(6, o.status().name())
                .bind(7, o.version())
                .bind(8, data.seal(o.buyerName()))
                .bind(9, data.seal(o.buyerIdNumber()))
                .bind(10, o.buyerIdHash())
                .bind(11, data.seal(o.buyerPhone()))
                .bind(12, data.seal(o.consigneeName()))
                .bind(13, data.seal(o.consigneePhone()))
                .bind(14, data.seal(o.consigneeAddress()))
                .bind(15, o.goodsValue().amount())
                .bind(16, o.freight().amount())
                .bind(17, o.tax().amount())
                .bind(18, o.total().amount())
                .bind(19, o.dutiableValue().amount())
                .bind(20, o.fullyTaxed())
                .bind(21, o.quotaYear())
                .bind(22, utc(o.createdAt()))
                .bind(23, utc(o.paymentDueAt()));
        return head.then().then(insertLines(lines));
    }

    Mono<Void> appendHistory(
            String orderNo, OrderStatus from, OrderStatus to, String event, Instant at, String detail) {
        var spec = db.sql("insert into order_history (order_no, from_status, to_status, event, at, detail)"
                        + " values ($1, $2, $3, $4, $5, $6)")
                .bind(0, orderNo);
        spec = from == null ? spec.bindNull(1, String.class) : spec.bind(1, from.name());
        spec = spec.bind(2, to.name()).bind(3, event).bind(4, utc(at));
        spec = detail == null ? spec.bindNull(5, String.class) : spec.bind(5, detail);
        return spec.then();
    }

    /**
     * Moves an order from one state to another if it is still in the first and at the version read; answers whether
     * it did, so that of two concurrent events on one order exactly one wins.
     */
    Mono<Boolean> changeStatus(String orderNo, OrderStatus from, int version, OrderStatus to, Instant at) {
        return db.sql("update customer_order set status = $4, version = version + 1, updated_at = $5"
                        + " where order_no = $1 and status = $2 and version = $3")
                .bind(0, orderNo)
                .bind(1, from.name())
                .bind(2, version)
                .bind(3, to.name())
                .bind(4, utc(at))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    private Mono<Void> insertLines(List<OrderLineRow> lines) {
        StringBuilder sql = new StringBuilder("insert into order_line (order_no, line_no, sku, name, gcode, unit,"
                + " quantity, unit_price, line_value, freight, tax) values ");
        int width = 11;
        for (int i = 0; i < lines.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= width; c++) {
                sql.append(c == 1 ? "" : ", ").append('$').append(i * width + c);
            }
            sql.append(')');
        }
        var spec = db.sql(sql.toString());
        for (int i = 0; i < lines.size(); i++) {
            OrderLineRow l = lines.get(i);
            int p = i * width;
            spec = spec.bind(p, l.orderNo())
                    .bind(p + 1, l.lineNo())
                    .bind(p + 2, l.sku())
                    .bind(p + 3, l.name())
                    .bind(p + 4, l.gcode())
                    .bind(p + 5, l.unit())
                    .bind(p + 6, l.quantity())
                    .bind(p + 7, l.unitPrice().amount())
                    .bind(p + 8, l.lineValue().amount())
                    .bind(p + 9, l.freight().amount())
                    .bind(p + 10, l.tax().amount());
        }
        return spec.then();
    }

    private static OrderStatus status(String name) {
        return name == null ? null : OrderStatus.valueOf(name);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
