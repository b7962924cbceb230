package cn.cbecpilot.platform.recall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Recall campaigns, the lots, units and orders they reach, and their notices, in PostgreSQL. */
@Repository
class Recalls {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final DatabaseClient db;

    Recalls(DatabaseClient db) {
        this.db = db;
    }

    /** Opens a campaign; answers its id and number, {@code RC} + day + a 6-digit sequence. */
    Mono<Opened> open(String sku, List<String> batchNos, String reason, String operator, Instant at, LocalDate day) {
        return db.sql("insert into recall (id, recall_no, sku, batch_nos, reason, opened_by, opened_at)"
                        + " select n, 'RC' || $1 || lpad(n::text, 6, '0'), $2, $3, $4, $5, $6"
                        + " from (select nextval('recall_id_seq') as n) s returning id, recall_no")
                .bind(0, DAY.format(day))
                .bind(1, sku)
                .bind(2, batchNos.toArray(String[]::new))
                .bind(3, reason)
                .bind(4, operator)
                .bind(5, at.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> new Opened(row.get("id", Long.class), row.get("recall_no", String.class)))
                .one();
    }

    /** Records the whole lots blocked, with the units in bond of those that carry no codes. */
    Mono<Void> addLots(long recallId, Collection<Long> lotIds) {
        return db.sql("insert into recall_lot (recall_id, lot_id, uncoded_units) select $1, l.id, case when exists"
                        + " (select 1 from trace_code c where c.lot_id = l.id) then 0 else l.remaining end"
                        + " from lot l where l.id = any($2)")
                .bind(0, recallId)
                .bind(1, lotIds.toArray(Long[]::new))
                .then();
    }

    /**
     * Records every coded unit of the lots and the single codes, where it is now, unless an earlier campaign blocked
     * it already; answers how many units in bond each lot not blocked as a whole loses.
     */
    Mono<Map<Long, Integer>> addUnits(long recallId, Collection<Long> lotIds, Collection<Long> codeIds) {
        return db.sql("insert into recall_unit (recall_id, code_id, status_at_recall, order_no)"
                        + " select $1, c.id, c.status, c.order_no from trace_code c"
                        + " where (c.lot_id = any($2) or c.id = any($3)) and c.status <> 'RECALLED'")
                .bind(0, recallId)
                .bind(1, lotIds.toArray(Long[]::new))
                .bind(2, codeIds.toArray(Long[]::new))
                .then()
                .then(db.sql("select c.lot_id, count(*) as n from recall_unit u join trace_code c on c.id = u.code_id"
                                + " where u.recall_id = $1 and u.status_at_recall = 'IN_BOND'"
                                + " and not (c.lot_id = any($2)) group by c.lot_id")
                        .bind(0, recallId)
                        .bind(1, lotIds.toArray(Long[]::new))
                        .map((row, meta) -> Map.entry(
                                row.get("lot_id", Long.class),
                                row.get("n", Long.class).intValue()))
                        .all()
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every unit the campaign reached: coded units, and units in bond without codes. */
    Mono<Long> blockedUnits(long recallId) {
        return db.sql("select (select count(*) from recall_unit where recall_id = $1)"
                        + " + (select coalesce(sum(uncoded_units), 0) from recall_lot where recall_id = $1)")
                .bind(0, recallId)
                .map((row, meta) -> row.get(0, Number.class).longValue())
                .one();
    }

    Mono<Long> idOf(String recallNo) {
        return db.sql("select id from recall where recall_no = $1")
                .bind(0, recallNo)
                .map((row, meta) -> row.get(0, Long.class))
                .one();
    }

    Mono<List<Long>> unitIds(long recallId) {
        return db.sql("select code_id from recall_unit where recall_id = $1")
                .bind(0, recallId)
                .map((row, meta) -> row.get(0, Long.class))
                .all()
                .collectList();
    }

    Mono<List<String>> ordersHoldingUnits(long recallId) {
        return db.sql("select distinct order_no from recall_unit where recall_id = $1 and order_no is not null"
                        + " order by order_no")
                .bind(0, recallId)
                .map((row, meta) -> row.get(0, String.class))
                .all()
                .collectList();
    }

    /** Orders holding a reservation of the SKU: in a reserving status, with a line of it, and no unit bound yet. */
    Mono<List<String>> ordersReserving(String sku) {
        return db.sql("select distinct o.order_no from customer_order o join order_line l on l.order_no = o.order_no"
                        + " where l.sku = $1 and o.status = any($2) and not exists"
                        + " (select 1 from trace_code c where c.order_no = o.order_no) order by o.order_no")
                .bind(0, sku)
                .bind(1, AffectedOrder.RESERVING.toArray(String[]::new))
                .map((row, meta) -> row.get(0, String.class))
                .all()
                .collectList();
    }

    /** Records the orders reached and writes one pending notice to each order's buyer, with the given texts. */
    Mono<Void> addOrders(long recallId, List<AffectedOrder> orders, List<String> texts, Instant at) {
        if (orders.isEmpty()) {
            return Mono.empty();
        }
        String[] orderNos = orders.stream().map(AffectedOrder::orderNo).toArray(String[]::new);
        return db.sql("insert into recall_order (recall_id, order_no, kind)"
                        + " select $1, t.o, t.k from unnest($2::varchar[], $3::varchar[]) as t(o, k)")
                .bind(0, recallId)
                .bind(1, orderNos)
                .bind(2, orders.stream().map(o -> o.kind().name()).toArray(String[]::new))
                .then()
                .then(db.sql("insert into recall_notice (recall_id, order_no, recipient, message, created_at)"
                                + " select $1, o.order_no, o.buyer_phone, t.m, $4 from unnest($2::varchar[],"
                                + " $3::varchar[]) as t(o, m) join customer_order o on o.order_no = t.o")
                        .bind(0, recallId)
                        .bind(1, orderNos)
                        .bind(2, texts.toArray(String[]::new))
                        .bind(3, at.atOffset(ZoneOffset.UTC))
                        .then());
    }

    /** The campaign's units carrying these code keys: code id by key, with whether it is retrieved already. */
    Mono<Map<String, Unit>> units(long recallId, Collection<String> keys) {
        return db.sql("select c.scheme || ':' || c.product_key || ':' || c.serial as key, c.id, c.raw, u.retrieved_at"
                        + " from recall_unit u join trace_code c on c.id = u.code_id where u.recall_id = $1"
                        + " and c.scheme || ':' || c.product_key || ':' || c.serial = any($2)")
                .bind(0, recallId)
                .bind(1, keys.toArray(String[]::new))
                .map((row, meta) -> new Unit(
                        row.get("key", String.class),
                        row.get("id", Long.class),
                        row.get("raw", String.class),
                        row.get("retrieved_at", java.time.OffsetDateTime.class) != null))
                .all()
                .collectMap(Unit::key);
    }

    Mono<Void> markRetrieved(long recallId, Collection<Long> codeIds, Instant at) {
        return db.sql("update recall_unit set retrieved_at = $3 where recall_id = $1 and code_id = any($2)"
                        + " and retrieved_at is null")
                .bind(0, recallId)
                .bind(1, codeIds.toArray(Long[]::new))
                .bind(2, at.atOffset(ZoneOffset.UTC))
                .then();
    }

    record Opened(long id, String recallNo) {}

    record Unit(String key, long codeId, String raw, boolean retrieved) {}
}
