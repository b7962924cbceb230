package cn.cbecpilot.platform.audit;

import java.time.Clock;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Appends to and reads the audit trail. Services call {@link #changed} for configuration and accounts they change. */
@Component
public class AuditTrail {

    private static final int MAX_TEXT = 16_000;

    private final DatabaseClient db;
    private final Clock clock;

    AuditTrail(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records a configuration change with the value before (null when new) and after, as JSON. */
    public Mono<Void> changed(String actor, String action, String target, String before, String after) {
        return append(actor, action, target, null, null, before, after);
    }

    Mono<Void> request(String actor, String action, String target, Integer status, String remote, String body) {
        return append(actor, action, target, status, remote, null, body);
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

    private Mono<Void> append(
            String actor, String action, String target, Integer status, String remote, String before, String after) {
        var spec = db.sql("insert into audit_event (at, actor, action, target, status, remote, before_state,"
                        + " after_state) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(0, clock.instant())
                .bind(1, cut(actor, 64))
                .bind(2, cut(action, 120))
                .bind(3, cut(target, 300));
        spec = status == null ? spec.bindNull(4, Integer.class) : spec.bind(4, status);
        spec = remote == null ? spec.bindNull(5, String.class) : spec.bind(5, cut(remote, 64));
        spec = before == null ? spec.bindNull(6, String.class) : spec.bind(6, cut(before, MAX_TEXT));
        spec = after == null ? spec.bindNull(7, String.class) : spec.bind(7, cut(after, MAX_TEXT));
        return spec.fetch().rowsUpdated().then();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
