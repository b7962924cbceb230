package cn.cbecpilot.platform.trace;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Reads what a consumer may see of a registered unit, across the tables of the capabilities it passed through
 * (product, lot, the order's status and timeline, its customs receipts, recalls), choosing columns so that no personal
 * data is ever read.
 */
@Repository
class TraceLookups {

    private static final String SQL = "select c.id, c.scheme, c.product_key, c.serial, c.batch_no, c.expiry, c.raw,"
            + " c.sku, c.status, c.order_no, p.name, p.origin_country, p.registration_certificate, l.entered_at,"
            + " o.status as order_status,"
            + " (select max(h.at) from order_history h where h.order_no = c.order_no) as order_since,"
            + " o.released_at, o.invt_no,"
            + " r.recall_no, r.reason, r.opened_at, u.retrieved_at"
            + " from trace_code c join product p on p.sku = c.sku join lot l on l.id = c.lot_id"
            + " left join customer_order o on o.order_no = c.order_no"
            + " left join lateral (select recall_id, retrieved_at from recall_unit where code_id = c.id"
            + " order by recall_id desc limit 1) u on true"
            + " left join recall r on r.id = u.recall_id"
            + " where c.scheme = $1 and c.product_key = $2 and c.serial = $3";

    private final DatabaseClient db;

    TraceLookups(DatabaseClient db) {
        this.db = db;
    }

    Mono<TraceApi.UnitTrace> find(TraceCode code) {
        return db.sql(SQL)
                .bind(0, code.scheme().name())
                .bind(1, code.productKey())
                .bind(2, code.serial())
                .map((row, meta) ->
                        new Found(row.get("id", Long.class), row.get("raw", String.class), unit(row, List.of())))
                .one()
                .filter(found -> code.isLabel(found.raw()))
                .flatMap(found -> events(found.id()).map(events -> withEvents(found.unit(), events)));
    }

    private Mono<List<TraceApi.Event>> events(long codeId) {
        return db.sql("select type, at from trace_event where code_id = $1 order by at, id")
                .bind(0, codeId)
                .map((row, meta) -> new TraceApi.Event(row.get("type", String.class), instant(row, "at")))
                .all()
                .collectList();
    }

    private static TraceApi.UnitTrace unit(Readable row, List<TraceApi.Event> events) {
        Instant releasedAt = instant(row, "released_at");
        String orderStatus = row.get("order_status", String.class);
        String recallNo = row.get("recall_no", String.class);
        return new TraceApi.UnitTrace(
                TraceCodeParser.parse(row.get("raw", String.class))
                        .orElseThrow()
                        .canonical(),
                TraceScheme.valueOf(row.get("scheme", String.class)),
                row.get("sku", String.class),
                row.get("name", String.class),
                row.get("origin_country", String.class),
                row.get("registration_certificate", String.class),
                row.get("batch_no", String.class),
                row.get("expiry", LocalDate.class),
                TraceStatus.valueOf(row.get("status", String.class)),
                instant(row, "entered_at"),
                events,
                releasedAt == null ? null : new TraceApi.Clearance(row.get("invt_no", String.class), releasedAt),
                orderStatus == null
                        ? new TraceApi.Delivery("IN_BOND", instant(row, "entered_at"))
                        : new TraceApi.Delivery(orderStatus, instant(row, "order_since")),
                recallNo == null
                        ? null
                        : new TraceApi.Recall(
                                recallNo,
                                row.get("reason", String.class),
                                instant(row, "opened_at"),
                                row.get("retrieved_at", OffsetDateTime.class) != null));
    }

    private static TraceApi.UnitTrace withEvents(TraceApi.UnitTrace u, List<TraceApi.Event> events) {
        return new TraceApi.UnitTrace(
                u.code(),
                u.scheme(),
                u.sku(),
                u.productName(),
                u.originCountry(),
                u.registrationCertificate(),
                u.lot(),
                u.expiry(),
                u.status(),
                u.enteredBondAt(),
                events,
                u.clearance(),
                u.delivery(),
                u.recall());
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private record Found(long id, String raw, TraceApi.UnitTrace unit) {}
}
