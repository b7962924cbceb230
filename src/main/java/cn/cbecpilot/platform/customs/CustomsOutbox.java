package cn.cbecpilot.platform.customs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes customs requests into the outbox. Call it inside the transaction that changes the subject's state, so that the
 * request exists exactly when the state change does; the dispatcher renders and sends it later.
 */
@Component
public class CustomsOutbox {

    /** What a request is about: the table its subject number refers to. */
    public enum SubjectKind {
        ORDER,
        EXPORT_RETURN
    }

    private final DatabaseClient db;
    private final Clock clock;

    CustomsOutbox(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Enqueues one message for the subject.
     *
     * @param messageType CEB type to send, e.g. {@code CEB621}
     * @param appType {@code 1} new declaration, {@code 2} change (re-declaration), {@code 3} deletion
     * @return the guid the message will carry
     */
    public Mono<String> enqueue(SubjectKind kind, String subjectNo, String messageType, char appType) {
        String guid = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        return db.sql("insert into customs_outbox (subject_kind, subject_no, message_type, app_type, guid, created_at,"
                        + " available_at) values ($1, $2, $3, $4, $5, $6, $6)")
                .bind(0, kind.name())
                .bind(1, subjectNo)
                .bind(2, messageType)
                .bind(3, String.valueOf(appType))
                .bind(4, guid)
                .bind(5, now)
                .fetch()
                .rowsUpdated()
                .thenReturn(guid);
    }

    /**
     * Enqueues several messages for the subject in one statement, in the order given (a declaration's order before
     * its inventory list); answers their guids in that order.
     */
    public Mono<List<String>> enqueueAll(SubjectKind kind, String subjectNo, char appType, String... messageTypes) {
        String[] guids = new String[messageTypes.length];
        for (int i = 0; i < guids.length; i++) {
            guids[i] = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        }
        return db.sql(
                        "insert into customs_outbox (subject_kind, subject_no, message_type, app_type, guid, created_at,"
                                + " available_at) select $1, $2, t.type, $3, t.guid, $4, $4"
                                + " from unnest($5::varchar[], $6::varchar[]) with ordinality as t (type, guid, n) order by t.n")
                .bind(0, kind.name())
                .bind(1, subjectNo)
                .bind(2, String.valueOf(appType))
                .bind(3, clock.instant())
                .bind(4, messageTypes)
                .bind(5, guids)
                .fetch()
                .rowsUpdated()
                .thenReturn(List.of(guids));
    }

    /**
     * Withdraws the subject's requests of this type that have not left yet, in the caller's transaction: the state
     * change that makes them pointless takes them back with it. One already sent gets its receipt as usual.
     *
     * @return how many were withdrawn
     */
    public Mono<Long> withdrawUnsent(SubjectKind kind, String subjectNo, String messageType) {
        return db.sql("delete from customs_outbox where subject_kind = $1 and subject_no = $2 and message_type = $3"
                        + " and sent_at is null and failed_at is null")
                .bind(0, kind.name())
                .bind(1, subjectNo)
                .bind(2, messageType)
                .fetch()
                .rowsUpdated();
    }
}
