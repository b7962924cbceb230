package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import cn.cbecpilot.platform.shared.Masking;
import cn.cbecpilot.platform.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The operator's order list: filtered by status, creation day and platform, newest first, a page at a time. */
@Service
public class ListingOrders {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DatabaseClient db;
    private final PersonalData data;

    ListingOrders(DatabaseClient db, PersonalData data) {
        this.db = db;
        this.data = data;
    }

    /**
     * Which orders to list; null fields do not filter. Days are China calendar days, both included; {@code orderNo}
     * matches order numbers that start with it.
     */
    public record Filter(OrderStatus status, LocalDate from, LocalDate to, String platformCode, String orderNo) {}

    /** One row of the list, the buyer masked. */
    public record Summary(
            String orderNo,
            OrderStatus status,
            String platformCode,
            String buyerName,
            Money total,
            Instant createdAt) {}

    /** One page of the list and how many orders match in all. */
    public record Page(List<Summary> orders, long matching, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (matching + size - 1) / size);
        }
    }

    public Mono<Page> list(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        Mono<Long> matching = bind(db.sql("select count(*) from customer_order" + where), params)
                .map((r, m) -> r.get(0, Long.class))
                .one();
        String select = "select order_no, status, platform_code, buyer_name, total, created_at from customer_order"
                + where + " order by created_at desc, order_no desc limit " + size + " offset " + (long) page * size;
        Mono<List<Summary>> rows = bind(db.sql(select), params)
                .map((r, m) -> new Summary(
                        r.get("order_no", String.class),
                        OrderStatus.valueOf(r.get("status", String.class)),
                        r.get("platform_code", String.class),
                        Masking.name(data.open(r.get("buyer_name", String.class))),
                        Money.of(r.get("total", BigDecimal.class)),
                        r.get("created_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList();
        return Mono.zip(rows, matching).map(t -> new Page(t.getT1(), t.getT2(), page, size));
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (filter.status() != null) {
            params.add(filter.status().name());
            clauses.add("status = $" + params.size());
        }
        if (filter.from() != null) {
            params.add(filter.from().atStartOfDay(CHINA).toOffsetDateTime());
            clauses.add("created_at >= $" + params.size());
        }
        if (filter.to() != null) {
            params.add(filter.to().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
            clauses.add("created_at < $" + params.size());
        }
        if (filter.platformCode() != null) {
            params.add(filter.platformCode());
            clauses.add("platform_code = $" + params.size());
        }
        if (filter.orderNo() != null) {
            params.add(
                    filter.orderNo().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            clauses.add("order_no like $" + params.size());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            spec = spec.bind(i, params.get(i));
        }
        return spec;
    }
}
