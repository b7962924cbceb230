package cn.cbecpilot.platform.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * What the console shows of each lot's traceability codes: how many are in each status, counted in PostgreSQL over
 * the (lot_id, status) index, and the first few still in bond, read through the in-bond index. A lot of 100,000 codes
 * costs one index count and a handful of rows, never the codes themselves.
 */
@Repository
public class LotCodeCounts {

    /** How many codes the page names per lot. */
    static final int FIRST = 3;

    private final DatabaseClient db;

    LotCodeCounts(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One lot's codes.
     *
     * @param byStatus how many are in each status, in the statuses' order; statuses without codes are absent
     * @param firstInBond up to {@value #FIRST} raw codes still in bond, the ones picking takes next
     */
    public record Summary(Map<TraceStatus, Long> byStatus, List<String> firstInBond) {

        public static final Summary NONE = new Summary(Map.of(), List.of());

        public long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every lot that has codes, by lot id. */
    public Mono<Map<Long, Summary>> byLot() {
        return Mono.zip(counts(), firstInBond()).map(t -> summaries(t.getT1(), t.getT2()));
    }

    private Mono<Map<Long, Map<TraceStatus, Long>>> counts() {
        return db.sql("select lot_id, status, count(*) as n from trace_code group by lot_id, status")
                .map((r, m) -> new Count(
                        r.get("lot_id", Long.class),
                        TraceStatus.valueOf(r.get("status", String.class)),
                        r.get("n", Long.class)))
                .all()
                .collect(HashMap::new, (map, c) -> map.computeIfAbsent(c.lotId(), k -> new EnumMap<>(TraceStatus.class))
                        .put(c.status(), c.n()));
    }

    private Mono<Map<Long, List<String>>> firstInBond() {
        return db.sql("select l.id, c.raw from lot l cross join lateral (select raw, id from trace_code t"
                        + " where t.lot_id = l.id and t.status = 'IN_BOND' order by t.id limit " + FIRST + ") c"
                        + " order by l.id, c.id")
                .map((r, m) -> Map.entry(r.get("id", Long.class), r.get("raw", String.class)))
                .all()
                .collect(HashMap::new, (map, e) -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
    }

    private static Map<Long, Summary> summaries(
            Map<Long, Map<TraceStatus, Long>> counts, Map<Long, List<String>> first) {
        Map<Long, Summary> summaries = new HashMap<>();
        counts.forEach((lot, byStatus) -> {
            List<String> firstOfLot = List.copyOf(first.getOrDefault(lot, List.of()));
            summaries.put(lot, new Summary(Collections.unmodifiableMap(byStatus), firstOfLot));
        });
        return summaries;
    }

    private record Count(long lotId, TraceStatus status, long n) {}
}
