package cn.cbecpilot.platform.bond;

import java.time.LocalDate;
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

    public Mono<Boolean> exists(String sku, String batchNo) {
        return db.sql("select 1 from lot where sku = $1 and batch_no = $2")
                .bind(0, sku)
                .bind(1, batchNo)
                .fetch()
                .first()
                .hasElement();
    }
}
