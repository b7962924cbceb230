package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
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
     * What an inventory receipt tells of the order's clearance: its status and time, the list number once customs gave
     * it, and whether the goods are released. A final status (800 released, 899 cleared and closed) is never
     * overwritten by a later non-final one.
     */
    record Clearance(String status, Instant at, String invtNo, boolean released) {

        /** Whether the receipt may set the clearance: the stored status is not final, or the new one is. */
        static String applies(int first) {
            return applies("$" + first);
        }

        private static String applies(String status) {
            return "(customs_status is null or customs_status not in ('800', '899') or " + status
                    + " in ('800', '899'))";
        }

        /** The clearance columns set from four parameters numbered from {@code first}, each under {@link #applies}. */
        static String columns(int first) {
            return columns(applies(first), "$" + first, "$" + (first + 1), "$" + (first + 2), "$" + (first + 3));
        }

        /**
         * The clearance columns set from the columns of a joined row {@code m} ({@link #MOVE_ALL}'s), where a row
         * without a status sets none of them.
         */
        static String columnsOfRow() {
            return columns(
                    "(m.cleared_status is not null and " + applies("m.cleared_status") + ")",
                    "m.cleared_status",
                    "m.cleared_at",
                    "m.cleared_invt_no",
                    "m.released");
        }

        private static String columns(String applies, String status, String at, String invtNo, String released) {
            return "customs_status = case when " + applies + " then " + status + " else customs_status end,"
                    + " customs_status_at = case when " + applies + " then " + at + " else customs_status_at end,"
                    + " invt_no = case when " + applies + " then coalesce(" + invtNo + ", invt_no) else invt_no end,"
                    + " released_at = case when " + applies + " and " + released + " then coalesce(released_at, "
                    + at + ") else released_at end";
        }

        /** Binds the four parameters {@link #columns} reads, from index {@code first} (zero-based). */
        DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, int first) {
            spec = spec.bind(first, status).bind(first + 1, utc(at));
            spec = invtNo == null ? spec.bindNull(first + 2, String.class) : spec.bind(first + 2, invtNo);
            return spec.bind(first + 3, released);
        }
    }

    /**
     * Moves an order from one state to another if it is still in the first and at the version read, and appends the
     * timeline entry, in one statement; answers whether it moved, so that of two concurrent events exactly one wins.
     */
    Mono<Boolean> move(
            String orderNo, OrderStatus from, int version, OrderStatus to, Instant at, String event, String detail) {
        return move(orderNo, from, version, to, at, event, detail, null);
    }

    /**
     * {@link #move}, recording in the same statement what an inventory receipt told of the clearance ({@code null}
     * for none): one round trip and one new row version where a receipt used to take two.
     */
    Mono<Boolean> move(
            String orderNo,
            OrderStatus from,
            int version,
            OrderStatus to,
            Instant at,
            String event,
            String detail,
            Clearance clearance) {
        var spec = db.sql("with moved as (update customer_order set status = $4, version = version + 1, updated_at = $5"
                        + (clearance == null ? "" : ", " + Clearance.columns(8))
                        + " where order_no = $1 and status = $2 and version = $3 returning order_no)"
                        + " insert into order_history (order_no, from_status, to_status, event, at, detail)"
                        + " select order_no, $2, $4, $6, $5, $7 from moved")
                .bind(0, orderNo)
                .bind(1, from.name())
                .bind(2, version)
                .bind(3, to.name())
                .bind(4, utc(at))
                .bind(5, event);
        spec = detail == null ? spec.bindNull(6, String.class) : spec.bind(6, detail);
        if (clearance != null) {
            spec = spec.bind(7, clearance.status()).bind(8, utc(clearance.at()));
            spec = clearance.invtNo() == null ? spec.bindNull(9, String.class) : spec.bind(9, clearance.invtNo());
            spec = spec.bind(10, clearance.released());
        }
        return spec.fetch().rowsUpdated().map(n -> n == 1);
    }

    /**
     * {@link #move} of several orders, each named once, in one statement: the moves (and the clearances) come as
     * arrays, one element per order, a clearance's status null where there is none; answers the orders moved.
     */
    static final String MOVE_ALL = "with m as (select * from unnest($1::text[], $2::text[], $3::int[], $4::text[],"
            + " $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::bool[]) as m (order_no,"
            + " from_status, version, to_status, event, detail, cleared_status, cleared_at, cleared_invt_no,"
            + " released)), moved as (update customer_order o set status = m.to_status, version = o.version + 1,"
            + " updated_at = $11, " + Clearance.columnsOfRow() + " from m where o.order_no = any($1::text[])"
            + " and o.order_no = m.order_no and o.status = m.from_status and o.version = m.version"
            + " returning o.order_no, m.from_status, m.to_status, m.event, m.detail), history as (insert into"
            + " order_history (order_no, from_status, to_status, event, at, detail) select order_no, from_status,"
            + " to_status, event, $11, detail from moved) select order_no from moved";

    /** One order's move of {@link #moveAll}: from the state and version read to another, with its timeline entry. */
    record Move(
            String orderNo,
            OrderStatus from,
            int version,
            OrderStatus to,
            String event,
            String detail,
            Clearance clearance) {}

    /**
     * Moves each order that is still in the state and at the version read, with its timeline entry, in one statement;
     * answers the orders moved (those changed meanwhile are not).
     */
    Flux<String> moveAll(List<Move> moves, Instant at) {
        Function<Function<Clearance, String>, String[]> cleared = f -> moves.stream()
                .map(m -> m.clearance() == null ? null : f.apply(m.clearance()))
                .toArray(String[]::new);
        return db.sql(MOVE_ALL)
                .bind(0, moves.stream().map(Move::orderNo).toArray(String[]::new))
                .bind(1, moves.stream().map(m -> m.from().name()).toArray(String[]::new))
                .bind(2, moves.stream().map(Move::version).toArray(Integer[]::new))
                .bind(3, moves.stream().map(m -> m.to().name()).toArray(String[]::new))
                .bind(4, moves.stream().map(Move::event).toArray(String[]::new))
                .bind(5, moves.stream().map(Move::detail).toArray(String[]::new))
                .bind(6, cleared.apply(Clearance::status))
                .bind(7, cleared.apply(c -> c.at().toString()))
                .bind(8, cleared.apply(Clearance::invtNo))
                .bind(
                        9,
                        moves.stream()
                                .map(m -> m.clearance() != null && m.clearance().released())
                                .toArray(Boolean[]::new))
                .bind(10, utc(at))
                .map(r -> r.get("order_no", String.class))
                .all();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
