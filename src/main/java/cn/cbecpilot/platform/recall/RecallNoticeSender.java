package cn.cbecpilot.platform.recall;

import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends the pending recall notices. The pilot has no SMS gateway contract yet, so sending is marking the notice SENT
 * with the time; a gateway call goes here when there is one. Notices are claimed with {@code FOR UPDATE SKIP LOCKED}
 * in one statement, so several instances never send one twice.
 */
@Component
class RecallNoticeSender {

    private static final Logger log = LoggerFactory.getLogger(RecallNoticeSender.class);

    private final DatabaseClient db;
    private final Clock clock;

    RecallNoticeSender(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${platform.recall-notice-interval:3s}",
            initialDelayString = "${platform.recall-notice-interval:3s}")
    Mono<Long> run() {
        return sendDue(200).doOnNext(n -> {
            if (n > 0) {
                log.info("Sent {} recall notice(s)", n);
            }
        });
    }

    /** Sends up to {@code limit} pending notices, oldest first; answers how many. */
    Mono<Long> sendDue(int limit) {
        return db.sql("update recall_notice set status = 'SENT', sent_at = $1 where id in (select id from recall_notice"
                        + " where status = 'PENDING' order by id limit $2 for update skip locked)")
                .bind(0, clock.instant().atOffset(ZoneOffset.UTC))
                .bind(1, limit)
                .fetch()
                .rowsUpdated();
    }
}
