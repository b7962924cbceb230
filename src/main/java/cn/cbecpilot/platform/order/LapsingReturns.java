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
 * Ends the approved returns whose goods never came back in bond within the window after release (45 days): without
 * it such an order would wait in RETURN_APPROVED for ever, refused at the warehouse door by the same window. Orders
 * are taken one by one with {@code FOR UPDATE SKIP LOCKED}, so instances share the work and a scan at the door at
 * that moment either wins or waits.
 */
@Component
class LapsingReturns {

    private static final Logger log = LoggerFactory.getLogger(LapsingReturns.class);

    private final DatabaseClient db;
    private final ChangingOrders changing;
    private final LifecycleProperties properties;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final PersonalData data;

    LapsingReturns(
            DatabaseClient db,
            ChangingOrders changing,
            LifecycleProperties properties,
            TransactionalOperator tx,
            Clock clock,
            PersonalData data) {
        this.db = db;
        this.changing = changing;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.data = data;
    }

    @Scheduled(
            fixedDelayString = "${platform.return-lapse-interval:1h}",
            initialDelayString = "${platform.return-lapse-interval:1h}")
    Mono<Long> run() {
        return lapseDue(200).doOnNext(n -> {
            if (n > 0) {
                log.info("{} approved return(s) lapsed: goods not back in bond in time", n);
            }
        });
    }

    /** Lapses up to {@code limit} overdue approved returns; answers how many. */
    Mono<Long> lapseDue(int limit) {
        Instant releasedBefore = clock.instant().minus(properties.returnArrivalWindow());
        return Flux.range(0, limit)
                .concatMap(i -> lapseOne(releasedBefore).as(tx::transactional))
                .takeWhile(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> lapseOne(Instant releasedBefore) {
        return db.sql("select " + LifecycleRow.COLUMNS + " from customer_order where status = 'RETURN_APPROVED'"
                        + " and released_at < $1 order by released_at limit 1 for update skip locked")
                .bind(0, Orders.utc(releasedBefore))
                .map(r -> LifecycleRow.from(r, data))
                .one()
                .flatMap(o -> changing.lapseReturn(o).thenReturn(true))
                .defaultIfEmpty(false);
    }
}
