package cn.cbecpilot.platform.recall;

import cn.cbecpilot.platform.privacy.PersonalData;
import cn.cbecpilot.platform.shared.Masking;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Campaigns as the console shows them: their progress, and the orders they reach with the buyer masked. */
@Repository
class RecallViews {

    /** Order statuses in which the consumer has the parcel. */
    private static final String RECEIVED = "('DELIVERED', 'RETURN_REQUESTED', 'RETURN_APPROVED')";

    private static final String SUMMARY = "select r.id, r.recall_no, r.sku, r.batch_nos, r.reason, r.opened_by,"
            + " r.opened_at, p.name as product_name, u.units, u.in_bond, u.delivered, u.retrieved,"
            + " coalesce(lo.uncoded, 0) as uncoded, n.notices, n.sent, ao.orders from recall r"
            + " join product p on p.sku = r.sku"
            + " cross join lateral (select count(*) as units,"
            + " count(*) filter (where u.status_at_recall in ('IN_BOND', 'RETURNED')) as in_bond,"
            + " count(*) filter (where u.status_at_recall not in ('IN_BOND', 'RETURNED')"
            + " and (u.status_at_recall = 'DELIVERED' or o.status in " + RECEIVED + ")) as delivered,"
            + " count(*) filter (where u.retrieved_at is not null) as retrieved"
            + " from recall_unit u left join customer_order o on o.order_no = u.order_no"
            + " where u.recall_id = r.id) u"
            + " cross join lateral (select sum(uncoded_units) as uncoded from recall_lot where recall_id = r.id) lo"
            + " cross join lateral (select count(*) as notices, count(*) filter (where status = 'SENT') as sent"
            + " from recall_notice where recall_id = r.id) n"
            + " cross join lateral (select count(*) as orders from recall_order where recall_id = r.id) ao";

    private final DatabaseClient db;
    private final PersonalData data;

    RecallViews(DatabaseClient db, PersonalData data) {
        this.db = db;
        this.data = data;
    }

    Flux<RecallApi.Summary> all() {
        return db.sql(SUMMARY + " order by r.id desc limit 500")
                .map((row, meta) -> summary(row))
                .all();
    }

    Mono<RecallApi.Summary> summary(String recallNo) {
        return db.sql(SUMMARY + " where r.recall_no = $1")
                .bind(0, recallNo)
                .map((row, meta) -> summary(row))
                .one();
    }

    Mono<RecallApi.Details> details(String recallNo) {
        return db.sql(SUMMARY + " where r.recall_no = $1")
                .bind(0, recallNo)
                .map((row, meta) ->
                        new Head(row.get("id", Long.class), row.get("product_name", String.class), summary(row)))
                .one()
                .flatMap(head -> orders(head.id()).collectList().map(orders -> details(head, orders)));
    }

    private Flux<RecallApi.Order> orders(long recallId) {
        return db.sql("select ro.order_no, ro.kind, o.status, o.buyer_name, o.buyer_phone,"
                        + " (select count(*) from recall_unit u where u.recall_id = ro.recall_id"
                        + " and u.order_no = ro.order_no) as units,"
                        + " (select count(*) from recall_unit u where u.recall_id = ro.recall_id"
                        + " and u.order_no = ro.order_no and u.retrieved_at is not null) as retrieved,"
                        + " n.channel, n.status as notice_status, n.sent_at"
                        + " from recall_order ro join customer_order o on o.order_no = ro.order_no"
                        + " left join recall_notice n on n.recall_id = ro.recall_id and n.order_no = ro.order_no"
                        + " where ro.recall_id = $1 order by ro.order_no")
                .bind(0, recallId)
                .map((row, meta) -> new RecallApi.Order(
                        row.get("order_no", String.class),
                        AffectedOrder.Kind.valueOf(row.get("kind", String.class)),
                        row.get("status", String.class),
                        new RecallApi.Buyer(
                                Masking.name(data.open(row.get("buyer_name", String.class))),
                                Masking.phone(data.open(row.get("buyer_phone", String.class)))),
                        row.get("units", Long.class),
                        row.get("retrieved", Long.class),
                        row.get("channel", String.class) == null
                                ? null
                                : new RecallApi.Notice(
                                        row.get("channel", String.class),
                                        row.get("notice_status", String.class),
                                        instant(row, "sent_at"))))
                .all();
    }

    private static RecallApi.Details details(Head head, List<RecallApi.Order> orders) {
        RecallApi.Summary s = head.summary();
        return new RecallApi.Details(
                s.recallNo(),
                s.sku(),
                head.productName(),
                s.batchNos(),
                s.reason(),
                s.openedBy(),
                s.openedAt(),
                s.progress(),
                orders);
    }

    private static RecallApi.Summary summary(Readable row) {
        long units = row.get("units", Long.class);
        long inBond = row.get("in_bond", Long.class);
        long delivered = row.get("delivered", Long.class);
        long uncoded = row.get("uncoded", Number.class).longValue();
        RecallProgress progress = new RecallProgress(
                units + uncoded,
                inBond + uncoded,
                units - inBond - delivered,
                delivered,
                row.get("notices", Long.class),
                row.get("sent", Long.class),
                row.get("retrieved", Long.class));
        String[] batchNos = row.get("batch_nos", String[].class);
        return new RecallApi.Summary(
                row.get("recall_no", String.class),
                row.get("sku", String.class),
                batchNos == null ? List.of() : Arrays.asList(batchNos),
                row.get("reason", String.class),
                row.get("opened_by", String.class),
                instant(row, "opened_at"),
                row.get("orders", Long.class),
                progress);
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private record Head(long id, String productName, RecallApi.Summary summary) {}
}
