package cn.cbecpilot.platform.enterprise;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Enterprises with their roles and qualifications, in PostgreSQL. */
@Repository
public class Enterprises {

    /** How long the order path may use an enterprise as it read it; writes through this class refresh at once. */
    private static final Duration RECENT = Duration.ofSeconds(5);

    private static final int MAX_RECENT = 1_000;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Map<Set<String>, Mono<Map<String, Enterprise>>> recent = new ConcurrentHashMap<>();

    Enterprises(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    public Mono<Map<String, Enterprise>> findAll(Collection<String> codes) {
        String[] keys = codes.stream().distinct().toArray(String[]::new);
        Mono<List<Map<String, Object>>> heads = db.sql("select code, name, region from enterprise where code = any($1)")
                .bind(0, keys)
                .fetch()
                .all()
                .collectList();
        Mono<Map<String, Set<Role>>> roles = db.sql(
                        "select enterprise_code, role from enterprise_role where enterprise_code = any($1)")
                .bind(0, keys)
                .map((row, meta) -> Map.entry(row.get(0, String.class), Role.valueOf(row.get(1, String.class))))
                .all()
                .collect(HashMap::new, (m, e) -> m.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class))
                        .add(e.getValue()));
        Mono<Map<String, List<Qualification>>> quals = db.sql(
                        "select enterprise_code, type, number, valid_from, valid_until"
                                + " from qualification where enterprise_code = any($1)")
                .bind(0, keys)
                .map((row, meta) -> Map.entry(
                        row.get(0, String.class),
                        new Qualification(
                                QualificationType.valueOf(row.get(1, String.class)), row.get(2, String.class),
                                row.get(3, LocalDate.class), row.get(4, LocalDate.class))))
                .all()
                .collect(HashMap::new, (m, e) -> m.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return Mono.zip(heads, roles, quals).map(t -> assemble(t.getT1(), t.getT2(), t.getT3()));
    }

    /**
     * The enterprises as read at most {@link #RECENT} ago: placing an order reads the platform and sellers on every
     * request, and their qualifications change a few times a year.
     */
    public Mono<Map<String, Enterprise>> findAllRecent(Collection<String> codes) {
        if (recent.size() > MAX_RECENT) {
            recent.clear();
        }
        return recent.computeIfAbsent(
                Set.copyOf(codes), key -> findAll(key).cache(m -> RECENT, e -> Duration.ZERO, () -> Duration.ZERO));
    }

    public Mono<Enterprise> find(String code) {
        return findAll(List.of(code)).flatMap(m -> Mono.justOrEmpty(m.get(code)));
    }

    /** Locks the enterprise's row until the caller's transaction ends; empty when there is none. */
    Mono<Void> lock(String code) {
        return db.sql("select 1 from enterprise where code = $1 for update")
                .bind(0, code)
                .fetch()
                .all()
                .then();
    }

    public Flux<Enterprise> all() {
        return db.sql("select code from enterprise order by code")
                .map((row, meta) -> row.get(0, String.class))
                .all()
                .collectList()
                .flatMap(this::findAll)
                .flatMapMany(m -> Flux.fromIterable(m.values()));
    }

    /** Registers an enterprise or replaces its name, region, roles and qualifications. */
    public Mono<Enterprise> save(Enterprise e) {
        Mono<Void> head = db.sql("insert into enterprise (code, name, region) values ($1, $2, $3)"
                        + " on conflict (code) do update set name = excluded.name, region = excluded.region")
                .bind(0, e.code())
                .bind(1, e.name())
                .bind(2, e.region())
                .then();
        Mono<Void> clear = db.sql("delete from enterprise_role where enterprise_code = $1")
                .bind(0, e.code())
                .then()
                .then(db.sql("delete from qualification where enterprise_code = $1")
                        .bind(0, e.code())
                        .then());
        Flux<Long> roles = Flux.fromIterable(e.roles())
                .concatMap(r -> db.sql("insert into enterprise_role (enterprise_code, role) values ($1, $2)")
                        .bind(0, e.code())
                        .bind(1, r.name())
                        .fetch()
                        .rowsUpdated());
        Flux<Long> quals = Flux.fromIterable(e.qualifications()).concatMap(q -> db.sql(
                        "insert into qualification (enterprise_code, type, number, valid_from, valid_until)"
                                + " values ($1, $2, $3, $4, $5)")
                .bind(0, e.code())
                .bind(1, q.type().name())
                .bind(2, q.number())
                .bind(3, q.validFrom())
                .bind(4, q.validUntil())
                .fetch()
                .rowsUpdated());
        return head.then(clear)
                .thenMany(roles)
                .thenMany(quals)
                .then(Mono.just(e))
                .as(tx::transactional)
                .doOnSuccess(saved -> recent.clear());
    }

    private static Map<String, Enterprise> assemble(
            List<Map<String, Object>> heads, Map<String, Set<Role>> roles, Map<String, List<Qualification>> quals) {
        Map<String, Enterprise> result = new HashMap<>();
        for (Map<String, Object> h : heads) {
            String code = (String) h.get("code");
            result.put(
                    code,
                    new Enterprise(
                            code,
                            (String) h.get("name"),
                            (String) h.get("region"),
                            roles.getOrDefault(code, Set.of()),
                            quals.getOrDefault(code, List.of())));
        }
        return result;
    }
}
