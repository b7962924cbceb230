package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cancels orders left unpaid past their payment deadline (the lifecycle's PAYMENT_TIMEOUT) and gives their stock and
 * quota back. Each order is taken
 * with {@code FOR UPDATE SKIP LOCKED} in its own transaction, so several instances share the work and a payment
 * arriving at the same moment either wins or waits.
 */
@Component
class ExpiringUnpaidOrders {

    private static final Logger log = LoggerFactory.getLogger(ExpiringUnpaidOrders.class);

    /** The unpaid order whose payment was due first, if due by $1; one another sweeper holds is skipped. */
    static final String OLDEST_DUE = "select " + LifecycleRow.COLUMNS + " from customer_order"
            + " where status = 'PENDING_PAYMENT' and payment_due_at <= $1 order by payment_due_at limit 1"
            + " for update skip locked";

    private final DatabaseClient db;
    private final ChangingOrders changing;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final PersonalData data;

    ExpiringUnpaidOrders(
            DatabaseClient db, ChangingOrders changing, TransactionalOperator tx, Clock clock, PersonalData data) {
        this.db = db;
        this.changing = changing;
        this.tx = tx;
        this.clock = clock;
        this.data = data;
    }

    @Scheduled(
            fixedDelayString = "${platform.expiry-interval:30s}",
            initialDelayString = "${platform.expiry-interval:30s}")
    Mono<Long> run() {
        return expireDue(200).doOnNext(n -> {
            if (n > 0) {
                log.info("Cancelled {} order(s) left unpaid past their deadline", n);
            }
        });
    }

    /** Expires up to {@code limit} overdue orders; answers how many. */
    Mono<Long> expireDue(int limit) {
        Instant now = clock.instant();
        return Flux.range(0, limit)
                .concatMap(i -> expireOne(now).as(tx::transactional))
                .takeWhile(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> expireOne(Instant now) {
        return db.sql(OLDEST_DUE)
                .bind(0, Orders.utc(now))
                .map(r -> LifecycleRow.from(r, data))
                .one()
                .flatMap(o -> changing.timeOut(o).thenReturn(true))
                .defaultIfEmpty(false);
    }
}
