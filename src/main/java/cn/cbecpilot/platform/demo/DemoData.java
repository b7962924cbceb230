package cn.cbecpilot.platform.demo;

import cn.cbecpilot.platform.bond.Lots;
import cn.cbecpilot.platform.catalog.PositiveListEdition;
import cn.cbecpilot.platform.catalog.PositiveLists;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.Enterprises;
import cn.cbecpilot.platform.enterprise.Qualification;
import cn.cbecpilot.platform.enterprise.QualificationType;
import cn.cbecpilot.platform.enterprise.Role;
import cn.cbecpilot.platform.trace.LotLabels;
import cn.cbecpilot.platform.trace.RegisteringCodes;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the demo once into an empty embedded database: enterprises with the pilot's dual qualification, a
 * positive-list excerpt, products with coded stock in bond, and the demo operator (whose password is no secret, which is why
 * this never runs against an external database).
 */
@Component
@ConditionalOnProperty(name = "platform.embedded", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DatabaseClient db;
    private final Enterprises enterprises;
    private final PositiveLists positiveLists;
    private final Products products;
    private final Lots lots;
    private final RegisteringCodes codes;
    private final PasswordEncoder passwords;
    private final TransactionalOperator tx;
    private final Clock clock;
    private volatile boolean loaded;
    private final Disposable.Swap loading = Disposables.swap();

    DemoData(
            DatabaseClient db,
            Enterprises enterprises,
            PositiveLists positiveLists,
            Products products,
            Lots lots,
            RegisteringCodes codes,
            PasswordEncoder passwords,
            TransactionalOperator tx,
            Clock clock) {
        this.db = db;
        this.enterprises = enterprises;
        this.positiveLists = positiveLists;
        this.products = products;
        this.lots = lots;
        this.codes = codes;
        this.passwords = passwords;
        this.tx = tx;
        this.clock = clock;
    }

    /** Health stays DOWN until this has run, so that "UP" means the demo is there. */
    @EventListener(ApplicationReadyEvent.class)
    void loadOnce() {
        loading.update(loadIfEmpty()
                .doOnSuccess(loaded -> this.loaded = true)
                .subscribe(
                        loaded -> log.warn("Embedded mode: demo operator 'operator' with password 'operator' is active."
                                + " Never use the embedded mode in production."),
                        e -> log.error("Demo data could not be loaded", e)));
    }

    /**
     * A platform stopped while the demo loads cancels the load, whose transaction rolls back, rather than failing on
     * a closed pool; the next start loads it.
     */
    @PreDestroy
    void stop() {
        loading.dispose();
    }

    @Bean
    ReactiveHealthIndicator demoHealthIndicator() {
        return () -> Mono.just(
                loaded
                        ? Health.up().build()
                        : Health.down().withDetail("demo", "loading").build());
    }

    Mono<Boolean> loadIfEmpty() {
        return db.sql("select count(*) from enterprise")
                .map((r, m) -> r.get(0, Long.class))
                .one()
                .flatMap(n ->
                        n > 0 ? Mono.just(false) : load().as(tx::transactional).thenReturn(true));
    }

    private Mono<Void> load() {
        LocalDate today = LocalDate.now(clock);
        return Flux.fromIterable(enterprises(today))
                .concatMap(enterprises::save)
                .then(positiveLists.add(
                        new PositiveListEdition("2022", LocalDate.of(2022, 3, 1), DemoCatalogue.positiveList2022())))
                .thenMany(Flux.fromIterable(DemoCatalogue.products())
                        .concatMap(p -> products.add(p).then(stock(p, today))))
                .then(operator());
    }

    private Mono<Void> stock(Product p, LocalDate today) {
        return lot(p, "B" + today.getYear() + "01", today.plusMonths(18), 200)
                .then(lot(p, "B" + today.getYear() + "02", today.plusMonths(30), 300));
    }

    /** A lot labelled in the warehouse: NMPA codes for the drugs, GS1 codes for the devices with a GTIN. */
    private Mono<Void> lot(Product p, String batchNo, LocalDate expiry, int quantity) {
        return lots.enter(p.sku(), batchNo, expiry, quantity)
                .flatMap(id -> codes.register(id, new LotLabels(p, batchNo, expiry, quantity, null)))
                .then();
    }

    private Mono<Void> operator() {
        return db.sql("insert into operator (username, password_hash, roles) values ($1, $2, $3)"
                        + " on conflict do nothing")
                .bind(0, "operator")
                .bind(1, passwords.encode("operator"))
                .bind(2, "OPERATOR,COMPLIANCE,ADMIN")
                .then();
    }

    private static List<Enterprise> enterprises(LocalDate today) {
        LocalDate from = LocalDate.of(2020, 1, 1);
        LocalDate until = today.plusYears(3);
        return List.of(
                new Enterprise(
                        DemoCatalogue.PLATFORM,
                        "北京天竺跨境医药电商平台有限公司",
                        "BEIJING",
                        Set.of(Role.PLATFORM),
                        List.of(
                                new Qualification(QualificationType.CBEC_PLATFORM, "1101980001-CBEC", from, until),
                                new Qualification(
                                        QualificationType.MEDICAL_ONLINE_TRADING,
                                        "(京)网药平台备字〔2020〕第000001号",
                                        from,
                                        until))),
                new Enterprise(
                        DemoCatalogue.SELLER,
                        "环球药房（香港）有限公司",
                        "HONG_KONG",
                        Set.of(Role.SELLER),
                        List.of(new Qualification(QualificationType.CBEC_ENTERPRISE, "1101980002-EBC", from, until))),
                new Enterprise(
                        "1101980003", "天竺综保区保税物流有限公司", "BEIJING", Set.of(Role.LOGISTICS, Role.WAREHOUSE), List.of()),
                new Enterprise(
                        "1101980004",
                        "京通支付科技有限公司",
                        "BEIJING",
                        Set.of(Role.PAYMENT),
                        List.of(new Qualification(QualificationType.PAYMENT_LICENCE, "Z2011011000019", from, until))));
    }
}
