package cn.cbecpilot.platform.bond;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the pages show of the lots in bond: each lot with what is left of it, and the nearest expiry per SKU. */
@Repository
public class LotsInBond {

    private final DatabaseClient db;

    LotsInBond(DatabaseClient db) {
        this.db = db;
    }

    /** A lot as it stands in bond. */
    public record LotView(
            long id,
            String sku,
            String batchNo,
            LocalDate expiry,
            int quantity,
            int remaining,
            boolean recalled,
            Instant enteredAt) {}

    /** Every lot, by SKU and then first expiry first. */
    public Flux<LotView> all() {
        return db.sql("select id, sku, batch_no, expiry, quantity, remaining, recalled, entered_at from lot"
                        + " order by sku, expiry, id")
                .map((r, m) -> new LotView(
                        r.get("id", Long.class),
                        r.get("sku", String.class),
                        r.get("batch_no", String.class),
                        r.get("expiry", LocalDate.class),
                        r.get("quantity", Integer.class),
                        r.get("remaining", Integer.class),
                        r.get("recalled", Boolean.class),
                        r.get("entered_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** The nearest expiry among the SKU's units still sellable on the day, or empty when none are. */
    public Mono<LocalDate> nearestExpiry(String sku, LocalDate day) {
        return db.sql("select expiry from lot where sku = $1 and remaining > 0 and not recalled"
                        + " and expiry >= $2 order by expiry limit 1")
                .bind(0, sku)
                .bind(1, day)
                .map((r, m) -> r.get(0, LocalDate.class))
                .one();
    }

    /** The nearest sellable expiry of every SKU that has one. */
    public Mono<Map<String, LocalDate>> nearestExpiries(LocalDate day) {
        return db.sql("select sku, min(expiry) from lot where remaining > 0 and not recalled and expiry >= $1"
                        + " group by sku")
                .bind(0, day)
                .map((r, m) -> Map.entry(r.get(0, String.class), r.get(1, LocalDate.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
