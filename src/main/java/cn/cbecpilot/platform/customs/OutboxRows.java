package cn.cbecpilot.platform.customs;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox table as the dispatcher uses it: claim under a lease, then sent, later, or set aside. */
@Component
class OutboxRows {

    private final DatabaseClient db;
    private final java.time.Clock clock;

    /** Leases until $1 up to $3 requests due by $2, oldest first, skipping those another instance holds. */
    static final String CLAIM = "update customs_outbox set available_at = $1, attempts = attempts + 1 where id in ("
            + " select id from customs_outbox where sent_at is null and failed_at is null"
            + " and available_at <= $2 order by available_at, id limit $3 for update skip locked)"
            + " returning id, subject_kind, subject_no, message_type, app_type, guid, attempts";

    OutboxRows(DatabaseClient db, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due requests until {@code leaseUntil}; rows other instances hold are skipped. */
    Flux<OutboxRequest> claim(int limit, Instant leaseUntil) {
        return db.sql(CLAIM)
                .bind(0, leaseUntil)
                .bind(1, clock.instant())
                .bind(2, limit)
                .map((r, m) -> new OutboxRequest(
                        r.get("id", Long.class),
                        r.get("subject_kind", String.class),
                        r.get("subject_no", String.class),
                        r.get("message_type", String.class),
                        r.get("app_type", String.class),
                        r.get("guid", String.class),
                        r.get("attempts", Integer.class)))
                .all()
                .sort(java.util.Comparator.comparingLong(OutboxRequest::id));
    }

    Mono<Void> markSent(long id, Instant at) {
        return db.sql("update customs_outbox set sent_at = $2, last_error = null where id = $1")
                .bind(0, id)
                .bind(1, at)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Marks the requests of a round delivered, each at its own time, in one statement. */
    Mono<Void> markSent(List<Delivered> delivered) {
        if (delivered.size() == 1) {
            return markSent(delivered.get(0).id(), delivered.get(0).at());
        }
        return db.sql("update customs_outbox o set sent_at = d.at, last_error = null"
                        + " from unnest($1::int8[], $2::timestamptz[]) as d (id, at) where o.id = d.id")
                .bind(0, delivered.stream().map(Delivered::id).toArray(Long[]::new))
                .bind(1, delivered.stream().map(d -> d.at().toString()).toArray(String[]::new))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** A request the single window took, and when. */
    record Delivered(long id, Instant at) {}

    Mono<Void> retryLater(long id, Instant at, String error) {
        return db.sql("update customs_outbox set available_at = $2, last_error = $3 where id = $1")
                .bind(0, id)
                .bind(1, at)
                .bind(2, cut(error))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Due again at {@code at}; the claim that found it not ready is not counted as an attempt. */
    Mono<Void> hold(long id, Instant at, String reason) {
        return db.sql(
                        "update customs_outbox set available_at = $2, last_error = $3, attempts = greatest(attempts - 1, 0)"
                                + " where id = $1")
                .bind(0, id)
                .bind(1, at)
                .bind(2, cut(reason))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Drops a request that was never sent; the subject's timeline says why. */
    Mono<Void> withdraw(long id) {
        return db.sql("delete from customs_outbox where id = $1 and sent_at is null")
                .bind(0, id)
                .fetch()
                .rowsUpdated()
                .then();
    }

    Mono<Void> markFailed(long id, Instant at, String error) {
        return db.sql("update customs_outbox set failed_at = $2, last_error = $3 where id = $1")
                .bind(0, id)
                .bind(1, at)
                .bind(2, cut(error))
                .fetch()
                .rowsUpdated()
                .then();
    }

    private static String cut(String error) {
        return error.length() <= 500 ? error : error.substring(0, 500);
    }
}
