package cn.cbecpilot.platform.audit;

import cn.cbecpilot.platform.database.Columns;
import cn.cbecpilot.platform.database.Gathered;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends to and reads the audit trail. Services call {@link #changed} for configuration and accounts they change.
 * Operators' requests answered while another entry is being written are written together after it, in one statement:
 * under load, a warehouse's picks and handovers would otherwise each wait for a commit of their own.
 */
@Component
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final int MAX_TEXT = 16_000;
    /** The most entries one statement writes; those beyond wait for the next. */
    private static final int AT_MOST = 200;

    private final DatabaseClient db;
    private final Clock clock;
    private final Gathered<AuditEvent> requests = new Gathered<>(Duration.ZERO, AT_MOST, this::appendAll);

    AuditTrail(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records a configuration change with the value before (null when new) and after, as JSON. */
    public Mono<Void> changed(String actor, String action, String target, String before, String after) {
        return append(entry(clock.instant(), actor, action, target, null, null, before, after));
    }

    /** Records an operator's request once answered; completes when the entry is written. */
    Mono<Void> request(String actor, String action, String target, Integer status, String remote, String body) {
        return requests.written(entry(clock.instant(), actor, action, target, status, remote, null, body));
    }

    /** How many operators' requests wait for the entry being written. */
    int waiting() {
        return requests.waiting();
    }

    Flux<AuditEvent> latest(int limit, Long beforeId) {
        return latest(limit, beforeId, null, null);
    }

    /**
     * The newest entries before {@code beforeId}, of one actor and with a target containing the given text when those
     * are given (null: any).
     */
    Flux<AuditEvent> latest(int limit, Long beforeId, String actor, String targetContains) {
        var spec = db.sql(
                        "select id, at, actor, action, target, status, remote, before_state, after_state from audit_event"
                                + " where id < $1 and ($3::varchar is null or actor = $3)"
                                + " and ($4::varchar is null or strpos(lower(target), lower($4)) > 0)"
                                + " order by id desc limit $2")
                .bind(0, beforeId == null ? Long.MAX_VALUE : beforeId)
                .bind(1, limit);
        spec = actor == null ? spec.bindNull(2, String.class) : spec.bind(2, actor);
        spec = targetContains == null ? spec.bindNull(3, String.class) : spec.bind(3, targetContains);
        return spec.map((row, meta) -> new AuditEvent(
                        row.get("id", Long.class),
                        row.get("at", Instant.class),
                        row.get("actor", String.class),
                        row.get("action", String.class),
                        row.get("target", String.class),
                        row.get("status", Integer.class),
                        row.get("remote", String.class),
                        row.get("before_state", String.class),
                        row.get("after_state", String.class)))
                .all();
    }

    private Mono<Void> append(AuditEvent entry) {
        var spec = db.sql("insert into audit_event (at, actor, action, target, status, remote, before_state,"
                        + " after_state) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(0, entry.at())
                .bind(1, entry.actor())
                .bind(2, entry.action())
                .bind(3, entry.target());
        spec = entry.status() == null ? spec.bindNull(4, Integer.class) : spec.bind(4, entry.status());
        spec = entry.remote() == null ? spec.bindNull(5, String.class) : spec.bind(5, entry.remote());
        spec = entry.before() == null ? spec.bindNull(6, String.class) : spec.bind(6, entry.before());
        spec = entry.after() == null ? spec.bindNull(7, String.class) : spec.bind(7, entry.after());
        return spec.fetch().rowsUpdated().then();
    }

    /**
     * Writes the entries in one statement, in the order given; when it fails, each alone, so that what failed it fails
     * only its own entry (logged: the request it records was answered already).
     */
    private Mono<Void> appendAll(List<AuditEvent> entries) {
        if (entries.size() == 1) {
            return append(entries.get(0));
        }
        return db.sql("insert into audit_event (at, actor, action, target, status, remote, before_state, after_state)"
                        + " select e.at, e.actor, e.action, e.target, e.status::int, e.remote, e.before_state,"
                        + " e.after_state from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[],"
                        + " $5::text[], $6::text[], $7::text[], $8::text[]) with ordinality"
                        + " as e (at, actor, action, target, status, remote, before_state, after_state, n)"
                        + " order by e.n")
                .bind(0, Columns.texts(entries, e -> e.at().toString()))
                .bind(1, Columns.texts(entries, AuditEvent::actor))
                .bind(2, Columns.texts(entries, AuditEvent::action))
                .bind(3, Columns.texts(entries, AuditEvent::target))
                .bind(
                        4,
                        Columns.texts(
                                entries,
                                e -> e.status() == null ? null : e.status().toString()))
                .bind(5, Columns.texts(entries, AuditEvent::remote))
                .bind(6, Columns.texts(entries, AuditEvent::before))
                .bind(7, Columns.texts(entries, AuditEvent::after))
                .fetch()
                .rowsUpdated()
                .then()
                .onErrorResume(together -> Flux.fromIterable(entries)
                        .concatMap(entry -> append(entry).onErrorResume(e -> {
                            log.error("Could not write the audit entry of {}: {}", entry.action(), e.toString());
                            return Mono.empty();
                        }))
                        .then());
    }

    /** An entry to write (its id not known yet), its texts cut to their columns. */
    private static AuditEvent entry(
            Instant at,
            String actor,
            String action,
            String target,
            Integer status,
            String remote,
            String before,
            String after) {
        return new AuditEvent(
                0,
                at,
                cut(actor, 64),
                cut(action, 120),
                cut(target, 300),
                status,
                remote == null ? null : cut(remote, 64),
                before == null ? null : cut(before, MAX_TEXT),
                after == null ? null : cut(after, MAX_TEXT));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
