package cn.cbecpilot.platform.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Positive-list editions, in PostgreSQL. */
@Repository
public class PositiveLists {

    private final DatabaseClient db;
    private static final Duration TTL = Duration.ofMinutes(1);

    private final TransactionalOperator tx;
    private final Map<LocalDate, Mono<PositiveListEdition>> inForce = new ConcurrentHashMap<>();

    PositiveLists(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * The edition in force on a day: the one with the latest effective date not after it. Every order asks this, so
     * the answer is kept for a minute (editions are added rarely, and other instances see a new one within that).
     */
    public Mono<PositiveListEdition> inForceOn(LocalDate day) {
        return inForce.computeIfAbsent(day, d -> load(d).cache(e -> TTL, e -> Duration.ZERO, () -> TTL));
    }

    private Mono<PositiveListEdition> load(LocalDate day) {
        return db.sql("select id, edition, effective_from from positive_list_edition"
                        + " where effective_from <= $1 order by effective_from desc, id desc limit 1")
                .bind(0, day)
                .map((row, meta) -> new Head(
                        row.get("id", Long.class),
                        row.get("edition", String.class),
                        row.get("effective_from", LocalDate.class)))
                .one()
                .flatMap(this::withLines);
    }

    public Flux<Head> editions() {
        return db.sql("select id, edition, effective_from from positive_list_edition order by effective_from desc")
                .map((row, meta) -> new Head(
                        row.get("id", Long.class),
                        row.get("edition", String.class),
                        row.get("effective_from", LocalDate.class)))
                .all();
    }

    public Mono<Boolean> exists(String edition) {
        return db.sql("select 1 from positive_list_edition where edition = $1")
                .bind(0, edition)
                .fetch()
                .first()
                .hasElement();
    }

    /** Stores a whole edition at once: it is in force from its date, or nowhere if anything fails. */
    public Mono<PositiveListEdition> add(PositiveListEdition edition) {
        return db.sql("insert into positive_list_edition (edition, effective_from) values ($1, $2) returning id")
                .bind(0, edition.edition())
                .bind(1, edition.effectiveFrom())
                .map((row, meta) -> row.get(0, Long.class))
                .one()
                .flatMapMany(
                        id -> Flux.fromIterable(edition.lines()).buffer(500).concatMap(batch -> insertLines(id, batch)))
                .then(Mono.just(edition))
                .as(tx::transactional)
                .doOnSuccess(e -> inForce.clear());
    }

    private Mono<Long> insertLines(long editionId, List<PositiveListLine> lines) {
        StringBuilder sql = new StringBuilder(
                "insert into positive_list_line (edition_id, seq, tariff_line, description, remark) values ");
        for (int i = 0; i < lines.size(); i++) {
            int p = i * 4;
            sql.append(i == 0 ? "" : ", ")
                    .append("($1, $")
                    .append(p + 2)
                    .append(", $")
                    .append(p + 3)
                    .append(", $")
                    .append(p + 4)
                    .append(", $")
                    .append(p + 5)
                    .append(")");
        }
        var spec = db.sql(sql.toString()).bind(0, editionId);
        for (int i = 0; i < lines.size(); i++) {
            PositiveListLine line = lines.get(i);
            spec = spec.bind(i * 4 + 1, line.seq())
                    .bind(i * 4 + 2, line.tariffLine())
                    .bind(i * 4 + 3, line.description())
                    .bind(i * 4 + 4, line.remark());
        }
        return spec.fetch().rowsUpdated();
    }

    private Mono<PositiveListEdition> withLines(Head head) {
        return db.sql("select seq, tariff_line, description, remark from positive_list_line"
                        + " where edition_id = $1 order by seq")
                .bind(0, head.id())
                .map((row, meta) -> new PositiveListLine(
                        row.get("seq", Integer.class), row.get("tariff_line", String.class),
                        row.get("description", String.class), row.get("remark", String.class)))
                .all()
                .collectList()
                .map(lines -> new PositiveListEdition(head.edition(), head.effectiveFrom(), lines));
    }

    /** An edition without its lines. */
    public record Head(long id, String edition, LocalDate effectiveFrom) {}
}
