package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.compliance.Limits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Counts for the console's dashboard: orders by state, orders per day, and how much of the annual limit buyers use. */
@Service
public class OrderStatistics {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Upper bounds of the quota-use bands, as fractions of the annual limit. */
    static final List<BigDecimal> QUOTA_BANDS =
            List.of(new BigDecimal("0.25"), new BigDecimal("0.5"), new BigDecimal("0.75"), BigDecimal.ONE);

    private final DatabaseClient db;

    OrderStatistics(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Map<OrderStatus, Long>> byStatus() {
        return db.sql("select status, count(*) from customer_order group by status")
                .map((r, m) -> Map.entry(OrderStatus.valueOf(r.get(0, String.class)), r.get(1, Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Orders placed on each China day from {@code from} to {@code to}, days without orders included as 0. */
    public Mono<Map<LocalDate, Long>> perDay(LocalDate from, LocalDate to) {
        return db.sql("select (created_at at time zone 'Asia/Shanghai')::date as day, count(*) from customer_order"
                        + " where created_at >= $1 and created_at < $2 group by day")
                .bind(0, from.atStartOfDay(CHINA).toOffsetDateTime())
                .bind(1, to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime())
                .map((r, m) -> Map.entry(r.get(0, LocalDate.class), r.get(1, Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(found -> from.datesUntil(to.plusDays(1))
                        .collect(Collectors.toMap(
                                d -> d, d -> found.getOrDefault(d, 0L), (a, b) -> a, LinkedHashMap::new)));
    }

    /**
     * Buyers of a year by the share of the annual limit they have used, keyed by each band's upper bound in percent
     * (25, 50, 75, 100).
     */
    public Mono<Map<Integer, Long>> quotaUse(int year) {
        return db.sql("select used from buyer_quota where year = $1 and used > 0")
                .bind(0, year)
                .map((r, m) -> r.get(0, BigDecimal.class))
                .all()
                .collectList()
                .map(OrderStatistics::bands);
    }

    static Map<Integer, Long> bands(List<BigDecimal> used) {
        Map<Integer, Long> bands = new LinkedHashMap<>();
        QUOTA_BANDS.forEach(b -> bands.put(b.movePointRight(2).intValue(), 0L));
        for (BigDecimal u : used) {
            BigDecimal band = QUOTA_BANDS.stream()
                    .filter(b -> u.compareTo(Limits.ANNUAL.amount().multiply(b)) <= 0)
                    .findFirst()
                    .orElse(BigDecimal.ONE);
            bands.merge(band.movePointRight(2).intValue(), 1L, Long::sum);
        }
        return bands;
    }
}
