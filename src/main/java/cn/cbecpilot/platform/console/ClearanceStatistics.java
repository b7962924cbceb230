package cn.cbecpilot.platform.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the dashboard reads of clearance: how long customs took from declaration to release, and why it refused lists.
 * Only the console asks these questions, so the SQL sits beside it rather than in the lifecycles it reads.
 */
@Component
class ClearanceStatistics {

    /** Message keys of the clearance-time bands, shortest first; the SQL answers an index into this list. */
    static final List<String> BANDS = List.of(
            "dashboard.clearance.under1m",
            "dashboard.clearance.under5m",
            "dashboard.clearance.under30m",
            "dashboard.clearance.under2h",
            "dashboard.clearance.under24h",
            "dashboard.clearance.over24h");

    /**
     * Declaration is the order's DECLARE step (a redeclaration after a refusal is not a new start: the buyer has been
     * waiting since the first); release is customs' own time on the 800 receipt. A receipt clock running behind ours
     * can make the difference negative, which counts as the shortest band.
     */
    private static final String CLEARANCE = "select case"
            + " when s < 60 then 0 when s < 300 then 1 when s < 1800 then 2"
            + " when s < 7200 then 3 when s < 86400 then 4 else 5 end as band, count(*) as n"
            + " from (select extract(epoch from o.released_at - h.at) as s from customer_order o"
            + " join order_history h on h.order_no = o.order_no and h.event = 'DECLARE'"
            + " where o.released_at >= $1) t group by band";

    /**
     * Customs writes its reason as "[Code:1322;Desc:...]", the description sometimes followed by the figures of the one
     * order; grouping by the code alone keeps those figures from splitting a reason into a row per order. A receipt
     * without a code goes by its status, its whole text the reason.
     */
    private static final String REFUSALS = "select code, min(reason) as reason, count(*) as n from (select"
            + " coalesce(btrim(substring(return_info from 'Code:\\s*([^];]+)')), return_status) as code,"
            + " btrim(coalesce(substring(return_info from 'Desc:\\s*([^]]*)'),"
            + " case when return_info like '%Code:%' then '' else return_info end, '')) as reason"
            + " from customs_message where direction = 'IN' and at >= $1"
            + " and (return_status = '100' or return_status like '-%')) r"
            + " group by code order by n desc, code limit $2";

    /** One reason customs gave for refusing, and how many receipts gave it. */
    record Refusal(String code, String reason, long count) {}

    private final DatabaseClient db;

    ClearanceStatistics(DatabaseClient db) {
        this.db = db;
    }

    /** Orders released since {@code from}, counted in each band of {@link #BANDS} (every band present, in order). */
    Mono<Map<String, Long>> clearanceTimes(Instant from) {
        return db.sql(CLEARANCE)
                .bind(0, from.atOffset(ZoneOffset.UTC))
                .map((r, m) -> Map.entry(r.get("band", Integer.class), r.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(ClearanceStatistics::everyBand);
    }

    /** The {@code top} most frequent reasons customs gave for refusing since {@code from}, most frequent first. */
    Mono<List<Refusal>> refusals(Instant from, int top) {
        return db.sql(REFUSALS)
                .bind(0, from.atOffset(ZoneOffset.UTC))
                .bind(1, top)
                .map((r, m) ->
                        new Refusal(r.get("code", String.class), r.get("reason", String.class), r.get("n", Long.class)))
                .all()
                .collectList();
    }

    private static Map<String, Long> everyBand(Map<Integer, Long> counts) {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.size(); i++) {
            bands.put(BANDS.get(i), counts.getOrDefault(i, 0L));
        }
        return bands;
    }
}
