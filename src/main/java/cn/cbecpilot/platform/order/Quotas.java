package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What each buyer (by keyed hash of the ID) has used of the annual limit and of yearly product caps. The quota row is
 * locked for the length of a placement, so that two simultaneous orders of one buyer cannot both take the last room.
 */
@Repository
class Quotas {

    private final DatabaseClient db;

    Quotas(DatabaseClient db) {
        this.db = db;
    }

    /** Locks the buyer's quota row of the year (creating it) and answers what is used. Inside a transaction only. */
    Mono<Money> lockAndRead(String idHash, int year) {
        // one round trip: the no-op update of an existing row takes its lock, as SELECT ... FOR UPDATE would
        return db.sql("insert into buyer_quota (buyer_id_hash, year) values ($1, $2) on conflict (buyer_id_hash, year)"
                        + " do update set used = buyer_quota.used returning used")
                .bind(0, idHash)
                .bind(1, year)
                .map((r, m) -> Money.of(r.get(0, BigDecimal.class)))
                .one();
    }

    Mono<Map<String, Integer>> unitsBought(String idHash, int year, Collection<String> skus) {
        return db.sql("select sku, quantity from buyer_product_quota where buyer_id_hash = $1 and year = $2"
                        + " and sku = any($3)")
                .bind(0, idHash)
                .bind(1, year)
                .bind(2, skus.toArray(String[]::new))
                .map((r, m) -> Map.entry(r.get(0, String.class), r.get(1, Integer.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Mono<Void> consume(String idHash, int year, Money amount, Map<String, Integer> units) {
        Mono<Void> value = db.sql("update buyer_quota set used = used + $3 where buyer_id_hash = $1 and year = $2")
                .bind(0, idHash)
                .bind(1, year)
                .bind(2, amount.amount())
                .then();
        Flux<Long> perSku = Flux.fromIterable(units.entrySet()).concatMap(e -> db.sql(
                        "insert into buyer_product_quota (buyer_id_hash, year, sku, quantity) values ($1, $2, $3, $4)"
                                + " on conflict (buyer_id_hash, year, sku) do update"
                                + " set quantity = buyer_product_quota.quantity + excluded.quantity")
                .bind(0, idHash)
                .bind(1, year)
                .bind(2, e.getKey())
                .bind(3, e.getValue())
                .fetch()
                .rowsUpdated());
        return value.thenMany(perSku).then();
    }

    /** Gives back what a cancelled, expired or returned order had used. */
    Mono<Void> giveBack(OrderRow order) {
        Mono<Void> value = db.sql("update buyer_quota set used = greatest(used - $3, 0)"
                        + " where buyer_id_hash = $1 and year = $2")
                .bind(0, order.buyerIdHash())
                .bind(1, order.quotaYear())
                .bind(2, order.dutiableValue().amount())
                .then();
        Mono<Void> units = db.sql("update buyer_product_quota q set quantity = greatest(q.quantity - l.qty, 0) from"
                        + " (select sku, sum(quantity) as qty from order_line where order_no = $3 group by sku) l"
                        + " where q.buyer_id_hash = $1 and q.year = $2 and q.sku = l.sku")
                .bind(0, order.buyerIdHash())
                .bind(1, order.quotaYear())
                .bind(2, order.orderNo())
                .then();
        return value.then(units);
    }
}
