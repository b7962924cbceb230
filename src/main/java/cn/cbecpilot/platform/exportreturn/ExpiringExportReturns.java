package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ReturnEvent;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expires returns whose goods did not arrive by the last day of their one-year window and gives their units back to
 * the export lists. Each return is taken with {@code FOR UPDATE SKIP LOCKED} in its own transaction, so several
 * instances share the work; running it again finds nothing more to do.
 */
@Component
class ExpiringExportReturns {

    private static final Logger log = LoggerFactory.getLogger(ExpiringExportReturns.class);

    private final DatabaseClient db;
    private final ReturnTransitions transitions;
    private final ExportLists lists;
    private final TransactionalOperator tx;
    private final Clock clock;

    ExpiringExportReturns(
            DatabaseClient db,
            ReturnTransitions transitions,
            ExportLists lists,
            TransactionalOperator tx,
            Clock clock) {
        this.db = db;
        this.transitions = transitions;
        this.lists = lists;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${platform.expiry-interval:30s}",
            initialDelayString = "${platform.expiry-interval:30s}")
    Mono<Long> run() {
        return expireDue(200).doOnNext(n -> {
            if (n > 0) {
                log.info("Expired {} export return(s) whose goods did not arrive within the year", n);
            }
        });
    }

    /** Expires up to {@code limit} overdue returns; answers how many. */
    Mono<Long> expireDue(int limit) {
        LocalDate today = LocalDate.now(clock);
        return Flux.range(0, limit)
                .concatMap(i -> expireOne(today).as(tx::transactional))
                .takeWhile(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> expireOne(LocalDate today) {
        return db.sql("select " + ExportReturnRow.COLUMNS + " from export_return where status in ('DRAFT', 'DECLARED',"
                        + " 'ACCEPTED', 'UNDER_REVIEW') and arrival_deadline < $1 order by arrival_deadline"
                        + " limit 1 for update skip locked")
                .bind(0, today)
                .map(ExportReturnRow::from)
                .one()
                .flatMap(row -> transitions
                        .fire(row, ReturnEvent.EXPIRE, "the goods did not arrive by " + row.arrivalDeadline())
                        .then(lists.giveBackReturn(row.returnNo()))
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }
}
