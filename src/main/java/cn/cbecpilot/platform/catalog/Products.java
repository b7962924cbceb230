package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.shared.Money;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Products, in PostgreSQL. */
@Repository
public class Products {

    private static final String COLUMNS = "sku, name, gcode, category, price, unit, origin_country,"
            + " registration_certificate, gtin, drug_id_code, vat_rate, consumption_tax_rate, duty_rate,"
            + " max_per_order, max_per_year, seller_code";

    /** How long the order path may use a product as it read it; writes through this class refresh at once. */
    private static final Duration RECENT = Duration.ofSeconds(5);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final AtomicReference<Mono<Map<String, Product>>> recent = new AtomicReference<>();

    Products(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    public Flux<Product> all() {
        return db.sql("select " + COLUMNS + " from product order by sku")
                .map(Products::toProduct)
                .all();
    }

    public Mono<Product> find(String sku) {
        return db.sql("select " + COLUMNS + " from product where sku = $1")
                .bind(0, sku)
                .map(Products::toProduct)
                .one();
    }

    public Mono<Map<String, Product>> findAll(Collection<String> skus) {
        return db.sql("select " + COLUMNS + " from product where sku = any($1)")
                .bind(0, skus.stream().distinct().toArray(String[]::new))
                .map(Products::toProduct)
                .all()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    /**
     * The products as read at most {@link #RECENT} ago: placing an order reads them on every request, and the
     * catalogue changes a few times a day.
     */
    public Mono<Map<String, Product>> findAllRecent(Collection<String> skus) {
        return recent.updateAndGet(current -> current != null
                        ? current
                        : all().collect(Collectors.toMap(Product::sku, Function.identity()))
                                .cache(m -> RECENT, e -> Duration.ZERO, () -> Duration.ZERO))
                .map(all -> {
                    Map<String, Product> found = new HashMap<>();
                    skus.forEach(sku -> {
                        Product p = all.get(sku);
                        if (p != null) {
                            found.put(sku, p);
                        }
                    });
                    return found;
                });
    }

    public Mono<Boolean> exists(String sku) {
        return db.sql("select 1 from product where sku = $1")
                .bind(0, sku)
                .fetch()
                .first()
                .hasElement();
    }

    /** Adds a product and its stock counter. */
    public Mono<Product> add(Product p) {
        var insert = db.sql("insert into product (" + COLUMNS + ") values"
                        + " ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
                .bind(0, p.sku())
                .bind(1, p.name())
                .bind(2, p.gcode())
                .bind(3, p.category().name())
                .bind(4, p.price().amount())
                .bind(5, p.unit())
                .bind(6, p.originCountry());
        insert = bindNullable(insert, 7, p.registrationCertificate(), String.class);
        insert = bindNullable(insert, 8, p.gtin(), String.class);
        insert = bindNullable(insert, 9, p.drugIdCode(), String.class);
        insert = insert.bind(10, p.vatRate()).bind(11, p.consumptionTaxRate()).bind(12, p.dutyRate());
        insert = bindNullable(insert, 13, p.maxPerOrder(), Integer.class);
        insert = bindNullable(insert, 14, p.maxPerYear(), Integer.class);
        insert = insert.bind(15, p.sellerCode());
        return insert.then()
                .then(db.sql("insert into bond_stock (sku) values ($1)")
                        .bind(0, p.sku())
                        .then())
                .thenReturn(p)
                .as(tx::transactional)
                .doOnSuccess(added -> recent.set(null));
    }

    static <T> DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, int index, T value, Class<T> type) {
        return value == null ? spec.bindNull(index, type) : spec.bind(index, value);
    }

    static Product toProduct(Readable row) {
        return new Product(
                row.get("sku", String.class),
                row.get("name", String.class),
                row.get("gcode", String.class),
                Category.valueOf(row.get("category", String.class)),
                Money.of(row.get("price", BigDecimal.class)),
                row.get("unit", String.class),
                row.get("origin_country", String.class),
                row.get("registration_certificate", String.class),
                row.get("gtin", String.class),
                row.get("drug_id_code", String.class),
                row.get("vat_rate", BigDecimal.class),
                row.get("consumption_tax_rate", BigDecimal.class),
                row.get("duty_rate", BigDecimal.class),
                row.get("max_per_order", Integer.class),
                row.get("max_per_year", Integer.class),
                row.get("seller_code", String.class));
    }
}
