package cn.cbecpilot.platform.trace;

import cn.cbecpilot.platform.database.Columns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Registered traceability codes and their events, in PostgreSQL. Writes join the caller's transaction. */
@Repository
public class TraceCodes {

    private static final String KEYS = "unnest($1::varchar[], $2::varchar[], $3::varchar[])";

    private final DatabaseClient db;

    TraceCodes(DatabaseClient db) {
        this.db = db;
    }

    /** The keys ({@link TraceCode#key()}) of those codes that are registered already. */
    public Mono<Set<String>> registered(Collection<TraceCode> codes) {
        if (codes.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("select scheme || ':' || product_key || ':' || serial from trace_code"
                        + " where (scheme, product_key, serial) in (select * from " + KEYS + ")")
                .bind(0, Columns.texts(codes, c -> c.scheme().name()))
                .bind(1, Columns.texts(codes, TraceCode::productKey))
                .bind(2, Columns.texts(codes, TraceCode::serial))
                .map((row, meta) -> row.get(0, String.class))
                .all()
                .collect(Collectors.toSet());
    }

    /** The registered units carrying these codes; codes not registered are left out. */
    public Mono<List<RegisteredCode>> find(Collection<TraceCode> codes) {
        if (codes.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("select id, scheme || ':' || product_key || ':' || serial as key, raw, sku, lot_id, status,"
                        + " order_no"
                        + " from trace_code where (scheme, product_key, serial) in (select * from " + KEYS + ")")
                .bind(0, Columns.texts(codes, c -> c.scheme().name()))
                .bind(1, Columns.texts(codes, TraceCode::productKey))
                .bind(2, Columns.texts(codes, TraceCode::serial))
                .map((row, meta) -> new RegisteredCode(
                        row.get("id", Long.class),
                        row.get("key", String.class),
                        row.get("raw", String.class),
                        row.get("sku", String.class),
                        row.get("lot_id", Long.class),
                        TraceStatus.valueOf(row.get("status", String.class)),
                        row.get("order_no", String.class)))
                .all()
                .collectList();
    }

    /** Blocks the units: status RECALLED, with a RECALLED event each. */
    public Mono<Void> markRecalled(Collection<Long> codeIds, Instant at, String detail) {
        return db.sql("update trace_code set status = $2 where id = any($1)")
                .bind(0, codeIds.toArray(Long[]::new))
                .bind(1, TraceStatus.RECALLED.name())
                .then()
                .then(record(codeIds, TraceEventType.RECALLED, at, detail));
    }

    /** Records an event of each unit that does not change its status. */
    public Mono<Void> record(Collection<Long> codeIds, TraceEventType type, Instant at, String detail) {
        if (codeIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("insert into trace_event (code_id, type, at, detail) select id, $2, $3, $4"
                        + " from unnest($1::bigint[]) as t(id)")
                .bind(0, codeIds.toArray(Long[]::new))
                .bind(1, type.name())
                .bind(2, at.atOffset(ZoneOffset.UTC))
                .bind(3, detail)
                .then();
    }

    /** Serial numbers no other issued code has. */
    Mono<List<Long>> nextSerials(int count) {
        return db.sql("select nextval('trace_serial') from generate_series(1, $1)")
                .bind(0, count)
                .map((row, meta) -> row.get(0, Long.class))
                .all()
                .collectList();
    }

    /** Registers the codes of a lot entering bond, each in bond with a REGISTERED event, in one statement. */
    Mono<Void> registerInBond(
            long lotId, String sku, String batchNo, LocalDate expiry, List<TraceCode> codes, Instant at) {
        if (codes.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("with c as (insert into trace_code (scheme, product_key, serial, raw, batch_no, expiry, sku,"
                        + " lot_id) select t.s, t.k, t.n, t.r, $5, $6, $7, $8 from unnest($1::varchar[],"
                        + " $2::varchar[], $3::varchar[], $4::varchar[]) as t(s, k, n, r) returning id)"
                        + " insert into trace_event (code_id, type, at, detail) select id, $9, $10, $11 from c")
                .bind(0, Columns.texts(codes, c -> c.scheme().name()))
                .bind(1, Columns.texts(codes, TraceCode::productKey))
                .bind(2, Columns.texts(codes, TraceCode::serial))
                .bind(3, Columns.texts(codes, TraceCode::raw))
                .bind(4, batchNo)
                .bind(5, expiry)
                .bind(6, sku)
                .bind(7, lotId)
                .bind(8, TraceEventType.REGISTERED.name())
                .bind(9, at.atOffset(ZoneOffset.UTC))
                .bind(10, "lot " + lotId + ", batch " + batchNo + ", entered bond")
                .then();
    }
}
