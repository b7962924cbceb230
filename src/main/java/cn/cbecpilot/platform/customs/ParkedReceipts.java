package cn.cbecpilot.platform.customs;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Retries receipts that arrived before their declaration was known (a receipt can overtake the commit that records
 * the declaration, or come for a declaration another instance is still writing). Each is applied as on arrival.
 */
@Component
class ParkedReceipts {

    private static final Logger log = LoggerFactory.getLogger(ParkedReceipts.class);
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final DatabaseClient db;
    private final ReceiptRecording recording;
    private final java.time.Clock clock;

    ParkedReceipts(DatabaseClient db, ReceiptRecording recording, java.time.Clock clock) {
        this.db = db;
        this.recording = recording;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${platform.customs.parked-retry-interval:5s}",
            initialDelayString = "${platform.customs.parked-retry-interval:5s}")
    Mono<Long> run() {
        return retry(200).doOnNext(n -> {
            if (n > 0) {
                log.info("Applied {} parked receipt(s)", n);
            }
        });
    }

    /**
     * Tries up to {@code limit} parked receipts, the one tried longest ago first, and marks those still unknown as
     * tried now, so that each round reaches further down the line; answers how many could be applied now.
     */
    Mono<Long> retry(int limit) {
        Instant now = clock.instant();
        Instant before = now.minus(GRACE);
        return db.sql("select guid, message_type, subject_no, return_status, return_info, return_time, xml"
                        + " from customs_message where direction = 'IN' and not applied"
                        + " and coalesce(retried_at, at) <= $1 order by coalesce(retried_at, at), id limit $2")
                .bind(0, before)
                .bind(1, limit)
                .map((row, meta) -> new CustomsReceipt(
                        row.get("message_type", String.class),
                        row.get("guid", String.class),
                        row.get("subject_no", String.class),
                        row.get("return_status", String.class),
                        row.get("return_info", String.class),
                        row.get("return_time", Instant.class),
                        row.get("xml", String.class)))
                .all()
                .concatMap(receipt -> recording
                        .apply(receipt)
                        .flatMap(applied -> applied
                                ? Mono.just(true)
                                : triedAt(receipt.guid(), now).thenReturn(false)))
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Void> triedAt(String guid, Instant now) {
        return db.sql("update customs_message set retried_at = $2 where direction = 'IN' and guid = $1")
                .bind(0, guid)
                .bind(1, now)
                .fetch()
                .rowsUpdated()
                .then();
    }
}
