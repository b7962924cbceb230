package cn.cbecpilot.platform.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seals again, with the current key, the personal data of orders still in clear or under an older key: after a key
 * rotation this runs until no row needs it, after which the old key can leave the ring. Batches are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so instances share the work and no order being changed is waited on.
 */
@Component
class Resealing {

    private static final Logger log = LoggerFactory.getLogger(Resealing.class);
    private static final int BATCH = 200;
    private static final String[] COLUMNS = {
        "buyer_name", "buyer_id_number", "buyer_phone", "consignee_name", "consignee_phone", "consignee_address"
    };

    private final DatabaseClient db;
    private final PersonalData data;
    private final TransactionalOperator tx;

    Resealing(DatabaseClient db, PersonalData data, TransactionalOperator tx) {
        this.db = db;
        this.data = data;
        this.tx = tx;
    }

    @Scheduled(
            initialDelayString = "${platform.privacy.reseal-delay:20s}",
            fixedDelayString = "${platform.privacy.reseal-interval:1h}")
    Mono<Long> run() {
        return resealAll().doOnNext(n -> {
            if (n > 0) {
                log.info("Sealed the personal data of {} order(s) with key '{}'", n, data.currentKeyId());
            }
        });
    }

    /**
     * Reseals batch after batch until none is left, orders first, then the copies of the messages sent to customs
     * (which name buyer, payer and consignee); answers how many rows were resealed.
     */
    Mono<Long> resealAll() {
        return untilNoneLeft(this::batch)
                .flatMap(orders -> untilNoneLeft(this::messageBatch).map(messages -> orders + messages));
    }

    private Mono<Long> untilNoneLeft(java.util.function.Supplier<Mono<Long>> batch) {
        return Flux.defer(() -> batch.get().as(tx::transactional))
                .repeat()
                .takeUntil(n -> n < BATCH)
                .reduce(0L, Long::sum);
    }

    private Mono<Long> messageBatch() {
        // the prefix only: PostgreSQL then reads the head of each stored message, not all of it
        return db.sql("select id, xml from customs_message where direction = 'OUT'"
                        + " and substr(xml, 1, 40) not like $1 limit $2 for update skip locked")
                .bind(0, "pd1:" + data.currentKeyId() + ":%")
                .bind(1, BATCH)
                .map((row, meta) -> new Object[] {row.get("id", Long.class), row.get("xml", String.class)})
                .all()
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(m -> db.sql("update customs_message set xml = $2 where id = $1")
                        .bind(0, m[0])
                        .bind(1, data.seal(data.open((String) m[1])))
                        .fetch()
                        .rowsUpdated())
                .count();
    }

    private Mono<Long> batch() {
        String current = "pd1:" + data.currentKeyId() + ":%";
        return db.sql("select order_no, " + String.join(", ", COLUMNS) + " from customer_order where "
                        + String.join(
                                " or ",
                                java.util.Arrays.stream(COLUMNS)
                                        .map(c -> c + " not like $1")
                                        .toList())
                        + " limit $2 for update skip locked")
                .bind(0, current)
                .bind(1, BATCH)
                .map((row, meta) -> {
                    String[] values = new String[COLUMNS.length + 1];
                    values[0] = row.get("order_no", String.class);
                    for (int i = 0; i < COLUMNS.length; i++) {
                        values[i + 1] = row.get(COLUMNS[i], String.class);
                    }
                    return values;
                })
                .all()
                // read the whole batch before writing: an update sent on the transaction's connection while the
                // select's rows are still being taken waits behind them, and they behind it, for ever
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(this::reseal)
                .count();
    }

    private Mono<Long> reseal(String[] values) {
        var spec = db.sql("update customer_order set buyer_name = $2, buyer_id_number = $3, buyer_phone = $4,"
                        + " consignee_name = $5, consignee_phone = $6, consignee_address = $7 where order_no = $1")
                .bind(0, values[0]);
        for (int i = 1; i < values.length; i++) {
            String value = values[i];
            spec = spec.bind(i, data.isStale(value) ? data.seal(data.open(value)) : value);
        }
        return spec.fetch().rowsUpdated();
    }
}
