package cn.cbecpilot.platform.bond;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Lots of goods that entered bond, in PostgreSQL. */
@Repository
public class Lots {

    private final DatabaseClient db;

    Lots(DatabaseClient db) {
        this.db = db;
    }

    /** Records a lot entering bond and answers its id. Runs inside the caller's transaction when there is one. */
    public Mono<Long> enter(String sku, String batchNo, LocalDate expiry, int quantity) {
        return db.sql("insert into lot (sku, batch_no, expiry, quantity, remaining) values ($1, $2, $3, $4, $4)"
                        + " returning id")
                .bind(0, sku)
                .bind(1, batchNo)
                .bind(2, expiry)
                .bind(3, quantity)
                .map((row, meta) -> row.get(0, Long.class))
                .one();
    }

    /** The SKU's lots by batch number. */
    public Mono<Map<String, Long>> ofSku(String sku) {
        return db.sql("select batch_no, id from lot where sku = $1")
                .bind(0, sku)
                .map((row, meta) -> Map.entry(row.get("batch_no", String.class), row.get("id", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The SKU's lots a recall blocked already. */
    public Mono<Set<Long>> recalledOfSku(String sku) {
        return db.sql("select id from lot where sku = $1 and recalled")
                .bind(0, sku)
                .map((row, meta) -> row.get("id", Long.class))
                .all()
                .collect(Collectors.toSet());
    }

    /** Blocks whole lots: none of their units counts as stock any more. */
    public Mono<Void> markRecalled(Collection<Long> lotIds) {
        return db.sql("update lot set recalled = true where id = any($1)")
                .bind(0, lotIds.toArray(Long[]::new))
                .then();
    }

    /**
     * Takes single units off lots' sellable stock (a recall of coded units still in bond); never below zero, so that a
     * recall cannot fail on a count that picking already lowered.
     */
    public Mono<Void> takeOff(Map<Long, Integer> unitsByLot) {
        if (unitsByLot.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update lot l set remaining = greatest(l.remaining - t.n, 0)"
                        + " from unnest($1::bigint[], $2::int[]) as t(id, n) where l.id = t.id")
                .bind(0, unitsByLot.keySet().toArray(Long[]::new))
                .bind(1, unitsByLot.keySet().stream().map(unitsByLot::get).toArray(Integer[]::new))
                .then();
    }

    public Mono<Boolean> exists(String sku, String batchNo) {
        return db.sql("select 1 from lot where sku = $1 and batch_no = $2")
                .bind(0, sku)
                .bind(1, batchNo)
                .fetch()
                .first()
                .hasElement();
    }
}
