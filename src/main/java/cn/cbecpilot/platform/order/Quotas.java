package cn.cbecpilot.platform.order;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * What each buyer (by keyed hash of the ID) has used of the annual limit and of yearly product caps. Every change to a
 * quota row moves its version, which a placement checks before it writes, so that two simultaneous orders of one
 * buyer cannot both take the last room.
 */
@Repository
class Quotas {

    private final DatabaseClient db;

    Quotas(DatabaseClient db) {
        this.db = db;
    }

    /** Gives back what a cancelled, expired or returned order had used. */
    Mono<Void> giveBack(OrderRow order) {
        Mono<Void> value = db.sql("update buyer_quota set used = greatest(used - $3, 0), version = version + 1"
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
