package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.order.OrderStatistics;
import cn.cbecpilot.platform.order.OrderStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The console's first page: orders by state, orders per day over two weeks, and buyers by annual quota used. */
@Controller
class ConsoleDashboardController {

    static final int DAYS = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final OrderStatistics statistics;
    private final Clock clock;

    ConsoleDashboardController(OrderStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/console")
    Mono<Rendering> dashboard() {
        LocalDate today = LocalDate.now(clock);
        return Mono.zip(
                        statistics.byStatus(),
                        statistics.perDay(today.minusDays(DAYS - 1L), today),
                        statistics.quotaUse(today.getYear()))
                .map(t -> Rendering.view("console/dashboard")
                        .modelAttribute("byStatus", BarChart.of(byStatus(t.getT1()), true))
                        .modelAttribute("perDay", BarChart.of(perDay(t.getT2()), false))
                        .modelAttribute("quotaUse", BarChart.of(quotaUse(t.getT3()), true))
                        .modelAttribute("year", today.getYear())
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
}
