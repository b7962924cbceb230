package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.order.OrderStatistics;
import cn.cbecpilot.platform.order.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The console's first page: orders by state, orders per day over two weeks, how long clearance took and why customs
 * refused over the same two weeks, and buyers by annual quota used.
 */
@Controller
class ConsoleDashboardController {

    static final int DAYS = 14;
    static final int TOP_REFUSALS = 10;
    /** Room for a reason's first words beside its code in the chart's label column; the table below has it whole. */
    static final int REASON_IN_LABEL = 9;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final OrderStatistics statistics;
    private final ClearanceStatistics clearance;
    private final Clock clock;

    ConsoleDashboardController(OrderStatistics statistics, ClearanceStatistics clearance, Clock clock) {
        this.statistics = statistics;
        this.clearance = clearance;
        this.clock = clock;
    }

    @GetMapping("/console")
    Mono<Rendering> dashboard() {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(DAYS - 1L);
        Instant since = first.atStartOfDay(CHINA).toInstant();
        return Mono.zip(
                        statistics.byStatus(),
                        statistics.perDay(first, today),
                        statistics.quotaUse(today.getYear()),
                        clearance.clearanceTimes(since),
                        clearance.refusals(since, TOP_REFUSALS))
                .map(t -> Rendering.view("console/dashboard")
                        .modelAttribute("byStatus", BarChart.of(byStatus(t.getT1()), true))
                        .modelAttribute("perDay", BarChart.of(perDay(t.getT2()), false))
                        .modelAttribute("quotaUse", BarChart.of(quotaUse(t.getT3()), true))
                        .modelAttribute("clearanceTimes", BarChart.of(t.getT4(), true))
                        .modelAttribute("refusals", BarChart.of(refusals(t.getT5()), false))
                        .modelAttribute("refusalReasons", t.getT5())
                        .modelAttribute("year", String.valueOf(today.getYear()))
                        .build());
    }

    /** Every state in lifecycle order, so that the chart's rows stay in the same place from day to day. */
    private static Map<String, Long> byStatus(Map<OrderStatus, Long> counts) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (OrderStatus s : OrderStatus.values()) {
            rows.put("status." + s.name(), counts.getOrDefault(s, 0L));
        }
        return rows;
    }

    private static Map<String, Long> perDay(Map<LocalDate, Long> counts) {
        Map<String, Long> rows = new LinkedHashMap<>();
        counts.forEach((day, n) -> rows.put(DAY.format(day), n));
        return rows;
    }

    private static Map<String, Long> quotaUse(Map<Integer, Long> bands) {
        Map<String, Long> rows = new LinkedHashMap<>();
        bands.forEach((upTo, n) -> rows.put("dashboard.quota.upTo" + upTo, n));
        return rows;
    }

    private static Map<String, Long> refusals(List<ClearanceStatistics.Refusal> refusals) {
        Map<String, Long> rows = new LinkedHashMap<>();
        refusals.forEach(r -> rows.put(label(r), r.count()));
        return rows;
    }

    /** The code keeps labels apart: two codes may share their first words. */
    static String label(ClearanceStatistics.Refusal r) {
        String reason = r.reason();
        if (reason.codePointCount(0, reason.length()) > REASON_IN_LABEL) {
            reason = reason.substring(0, reason.offsetByCodePoints(0, REASON_IN_LABEL)) + "…";
        }
        return reason.isEmpty() ? r.code() : r.code() + " " + reason;
    }
}
