package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.order.Orders.utc;

import cn.cbecpilot.platform.trace.TraceCode;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The traceability codes of units as the order lifecycle uses them: found by scan, bound to order lines at picking
 * (each by a conditional update, so two pickers can never bind one code), followed along the parcel, back in bond on
 * return. Writes join the caller's transaction.
 */
@Repository
class UnitCodes {

    private static final String CODE = "select c.id, c.raw, c.sku, c.status, c.order_no, c.lot_id,"
            + " coalesce(c.expiry, l.expiry) as expiry, l.recalled from trace_code c join lot l on l.id = c.lot_id";

    private static final String SELLABLE =
            "c.status = 'IN_BOND' and coalesce(c.expiry, l.expiry) >= $4" + " and not l.recalled";

    /** Statuses of a unit that left bond with its order and has not come back. */
    static final String TRAVELLING = "('OUT_OF_BOND', 'IN_TRANSIT', 'DELIVERED')";

    /**
     * Binds units of SKU $1 to order $2, line $3, up to $5 of them sellable on day $4: lot by lot in expiry order, each
     * lot's units from the in-bond index, so that a pick reads a few index entries rather than sorting every unit of
     * the SKU in bond (a unit's own expiry is its lot's, checked at registration).
     */
    static final String BIND_FIRST_EXPIRING =
            "update trace_code set status = 'OUT_OF_BOND', order_no = $2, line_no = $3"
                    + " where id in (select u.id from lot l cross join lateral (select c.id from trace_code c"
                    + " where c.lot_id = l.id and c.status = 'IN_BOND' and coalesce(c.expiry, l.expiry) >= $4"
                    + " order by c.id limit $5 for update skip locked) u"
                    + " where l.sku = $1 and not l.recalled order by l.expiry, l.id, u.id limit $5)";

    private final DatabaseClient db;

    UnitCodes(DatabaseClient db) {
        this.db = db;
    }

    /** The unit that carries the code: its normalised key, and the very label ({@link TraceCode#isLabel}). */
    Mono<UnitCode> byCode(TraceCode code) {
        return db.sql(CODE + " where c.scheme = $1 and c.product_key = $2 and c.serial = $3")
                .bind(0, code.scheme().name())
                .bind(1, code.productKey())
                .bind(2, code.serial())
                .map(UnitCode::from)
                .one()
                .filter(unit -> code.isLabel(unit.raw()));
    }

    /** Binds the code to the order line if it is still a sellable unit of the SKU; answers whether it did. */
    Mono<Boolean> bind(long codeId, String sku, String orderNo, int lineNo, LocalDate today) {
        return db.sql("update trace_code c set status = 'OUT_OF_BOND', order_no = $2, line_no = $3 from lot l"
                        + " where c.id = $1 and l.id = c.lot_id and c.sku = $5 and " + SELLABLE)
                .bind(0, codeId)
                .bind(1, orderNo)
                .bind(2, lineNo)
                .bind(3, today)
                .bind(4, sku)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /**
     * Binds up to {@code count} sellable units of the SKU, first expiry first out; codes another picker holds are
     * skipped rather than waited for. Answers how many were bound.
     */
    Mono<Long> bindFirstExpiring(String sku, int count, String orderNo, int lineNo, LocalDate today) {
        return db.sql(BIND_FIRST_EXPIRING)
                .bind(0, sku)
                .bind(1, orderNo)
                .bind(2, lineNo)
                .bind(3, today)
                .bind(4, count)
                .fetch()
                .rowsUpdated();
    }

    /** Takes the order's units out of their lots' remaining stock once their codes are bound. */
    Mono<Void> leaveLots(String orderNo) {
        return db.sql("update lot set remaining = remaining - x.n from (select lot_id, count(*) as n from trace_code"
                        + " where order_no = $1 and status = 'OUT_OF_BOND' group by lot_id) x where lot.id = x.lot_id")
                .bind(0, orderNo)
                .then();
    }

    Mono<Long> countBound(String orderNo) {
        return db.sql("select count(*) from trace_code where order_no = $1 and status in " + TRAVELLING)
                .bind(0, orderNo)
                .map((r, m) -> r.get(0, Long.class))
                .one();
    }

    /**
     * Records what happened to the order's units and moves their codes to {@code status} (null: unchanged); a unit
     * recalled meanwhile gets the event but keeps its RECALLED status.
     */
    Mono<Void> event(String orderNo, String type, String status, Instant at) {
        Mono<Void> events = db.sql("insert into trace_event (code_id, type, at, detail) select id, $2, $3, $1 from"
                        + " trace_code where order_no = $1 and (status in " + TRAVELLING + " or status = 'RECALLED')")
                .bind(0, orderNo)
                .bind(1, type)
                .bind(2, utc(at))
                .then();
        if (status == null) {
            return events;
        }
        return events.then(db.sql("update trace_code set status = $2 where order_no = $1 and status in " + TRAVELLING)
                .bind(0, orderNo)
                .bind(1, status)
                .then());
    }

    /** A unit's code with what decides whether it may be sold. */
    record UnitCode(
            long id,
            String raw,
            String sku,
            String status,
            String orderNo,
            long lotId,
            LocalDate expiry,
            boolean recalled) {

        static UnitCode from(io.r2dbc.spi.Readable r) {
            return new UnitCode(
                    r.get("id", Long.class),
                    r.get("raw", String.class),
                    r.get("sku", String.class),
                    r.get("status", String.class),
                    r.get("order_no", String.class),
                    r.get("lot_id", Long.class),
                    r.get("expiry", LocalDate.class),
                    r.get("recalled", Boolean.class));
        }
    }
}
