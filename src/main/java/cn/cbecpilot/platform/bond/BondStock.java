package cn.cbecpilot.platform.bond;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Units of each SKU available to sell: those in unexpired, unrecalled lots still in bond (a recall of single coded units
 * takes them off their lot's remaining units), less those reserved for orders. A SKU's stock row is locked while an order reserves from it, so two orders cannot take the last unit.
 */
@Repository
public class BondStock {

    private static final String AVAILABLE = "coalesce((select sum(l.remaining) from lot l where l.sku = s.sku"
            + " and l.expiry >= $2 and not l.recalled), 0) - s.reserved";

    private final DatabaseClient db;

    BondStock(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The available units of the stock row aliased {@code s} on the day bound at {@code dayParameter} (such as
     * {@code "$4"}), for a statement that reads or reserves stock together with other tables in one round trip.
     */
    public static String availableUnitsOn(String dayParameter) {
        return AVAILABLE.replace("$2", dayParameter);
    }

    /** Available units per SKU on a day, without locking; for display. */
    public Mono<Map<String, Integer>> available(Collection<String> skus, LocalDate day) {
        return query("select s.sku, " + AVAILABLE + " as available from bond_stock s where s.sku = any($1)", skus, day);
    }

    /** All SKUs' available units on a day; for display. */
    public Mono<Map<String, Integer>> available(LocalDate day) {
        return db.sql("select s.sku, " + AVAILABLE.replace("$2", "$1") + " as available from bond_stock s")
                .bind(0, day)
                .map((row, meta) -> Map.entry(
                        row.get(0, String.class), row.get(1, Long.class).intValue()))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Locks the stock rows of the SKUs until the surrounding transaction ends, in SKU order so that two orders of
     * the same SKUs never deadlock, and answers their available units. Must run inside a transaction.
     */
    public Mono<Map<String, Integer>> lockAndCount(Collection<String> skus, LocalDate day) {
        return query(
                "select s.sku, " + AVAILABLE + " as available from bond_stock s where s.sku = any($1)"
                        + " order by s.sku for update of s",
                skus,
                day);
    }

    /**
     * Locks one SKU's stock row until the surrounding transaction ends, so that no order reserves its units while a
     * recall blocks some of them.
     */
    public Mono<Void> lock(String sku) {
        return db.sql("select 1 from bond_stock where sku = $1 for update")
                .bind(0, sku)
                .then();
    }

    public Mono<Void> reserve(String sku, int quantity) {
        return change(sku, quantity);
    }

    public Mono<Void> release(String sku, int quantity) {
        return change(sku, -quantity);
    }

    /** Gives back every unit an order reserved. */
    public Mono<Void> releaseOrder(String orderNo) {
        return db.sql("update bond_stock s set reserved = s.reserved - l.qty from"
                        + " (select sku, sum(quantity) as qty from order_line where order_no = $1 group by sku) l"
                        + " where s.sku = l.sku")
                .bind(0, orderNo)
                .then();
    }

    private Mono<Void> change(String sku, int delta) {
        return db.sql("update bond_stock set reserved = reserved + $2 where sku = $1")
                .bind(0, sku)
                .bind(1, delta)
                .then();
    }

    private Mono<Map<String, Integer>> query(String sql, Collection<String> skus, LocalDate day) {
        return db.sql(sql)
                .bind(0, skus.stream().distinct().sorted().toArray(String[]::new))
                .bind(1, day)
                .map((row, meta) -> Map.entry(
                        row.get(0, String.class), row.get(1, Long.class).intValue()))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
