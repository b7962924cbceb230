package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.order.Orders.utc;

import cn.cbecpilot.platform.customs.CustomsReceipt;
import cn.cbecpilot.platform.customs.KeptReceipts;
import cn.cbecpilot.platform.customs.TaxBillReceipts;
import cn.cbecpilot.platform.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The lifecycle's columns of an order and the receipts applied to it. Writes join the caller's transaction. */
@Repository
class LifecycleRows {

    /**
     * The orders of several receipts, each with whether its receipt is applied to it for the first time (recorded in
     * the same statement); the receipts' fields come as arrays, one element per receipt.
     */
    static final String FIND_FOR_RECEIPTS = "with r as (select * from unnest($1::text[], $2::text[], $3::text[],"
            + " $4::text[], $5::timestamptz[]) with ordinality as r (order_no, guid, message_type, return_status,"
            + " return_time, n)), o as (select " + LifecycleRow.COLUMNS + " from customer_order"
            + " where order_no = any($1::text[])), first as (insert into order_receipt (guid, order_no, message_type,"
            + " return_status, return_time, applied_at) select r.guid, r.order_no, r.message_type, r.return_status,"
            + " r.return_time, $6 from r join o on o.order_no = r.order_no order by r.n on conflict (guid) do nothing"
            + " returning guid) select o.*, r.guid as receipt_guid, exists (select from first f where f.guid = r.guid)"
            + " as first_time from r join o on o.order_no = r.order_no";

    /**
     * A receipt's move of its order, its timeline entry and the record that the receipt is applied, in one statement
     * and no transaction: the order moves only if it is still in the state and at the version read and the receipt was
     * not applied to it before, so that, delivered twice at once, it moves the order once (the second statement waits
     * for the first's row and then finds another version). The clearance's four columns come next, from $12; with
     * {@code kept}, the receipt is kept too ({@link KeptReceipts}), from the parameter after them.
     */
    static String moveForReceipt(boolean clearance, boolean kept) {
        return "with moved as (update customer_order set status = $4, version = version + 1, updated_at = $5"
                + (clearance ? ", " + Orders.Clearance.columns(12) : "")
                + " where order_no = $1 and status = $2 and version = $3 and not exists (select from order_receipt"
                + " where guid = $8) returning order_no), first as (insert into order_receipt (guid, order_no,"
                + " message_type, return_status, return_time, applied_at) select $8, order_no, $9, $10, $11, $5"
                + " from moved on conflict (guid) do nothing), history as (insert into order_history (order_no,"
                + " from_status, to_status, event, at, detail) select order_no, $2, $4, $6, $5, $7 from moved)"
                + (kept ? ", kept as (" + KeptReceipts.insert("moved", "order_no", clearance ? 16 : 12) + ")" : "")
                + " select order_no from moved";
    }

    /**
     * A receipt that only goes on its order's timeline (312, 412, 512), pushed alone: the record that it is applied,
     * its timeline entry at the order's status and the receipt kept ({@link KeptReceipts}, from $9), in one statement
     * without a read before it; nothing when the order is not known or has the receipt already.
     */
    static final String NOTE_FOR_RECEIPT =
            "with o as (select order_no, status from customer_order where order_no = $1),"
                    + " first as (insert into order_receipt (guid, order_no, message_type, return_status, return_time,"
                    + " applied_at) select $2, order_no, $3, $4, $5, $6 from o on conflict (guid) do nothing returning"
                    + " order_no), history as (insert into order_history (order_no, from_status, to_status, event, at, detail)"
                    + " select o.order_no, o.status, o.status, $7, $6, $8 from o join first f on f.order_no = o.order_no),"
                    + " kept as (" + KeptReceipts.insert("first", "order_no", 9) + ") select order_no from first";

    /**
     * A tax bill pushed alone, for an order read before: the record that it is applied, the order's tax as the bill
     * assesses it ($9 to $12), its timeline entry at the order's status as read ($13) and the receipt kept ({@link
     * KeptReceipts}, from $14), in one statement; nothing when the order has the receipt already.
     */
    static final String TAX_BILL_FOR_RECEIPT = "with first as (insert into order_receipt (guid, order_no, message_type,"
            + " return_status, return_time, applied_at) values ($2, $1, $3, $4, $5, $6) on conflict (guid) do nothing"
            + " returning order_no), billed as (update customer_order o set tax_no = $9, customs_duty = $10,"
            + " customs_vat = $11, customs_consumption_tax = $12, tax_billed_at = $5 from first f"
            + " where o.order_no = f.order_no), history as (insert into order_history (order_no, from_status,"
            + " to_status, event, at, detail) select order_no, $13, $13, $7, $6, $8 from first),"
            + " kept as (" + KeptReceipts.insert("first", "order_no", 14) + ") select order_no from first";

    /** The order whose request was sent with the guid $1 ({@link KeptReceipts#subjectOfSent}). */
    static final String FIND_BY_SENT_GUID = "select " + LifecycleRow.COLUMNS + " from customer_order where order_no = "
            + KeptReceipts.subjectOfSent("$1");

    private final DatabaseClient db;
    private final PersonalData data;

    LifecycleRows(DatabaseClient db, PersonalData data) {
        this.db = db;
        this.data = data;
    }

    Mono<LifecycleRow> find(String orderNo) {
        return db.sql("select " + LifecycleRow.COLUMNS + " from customer_order where order_no = $1")
                .bind(0, orderNo)
                .map(r -> LifecycleRow.from(r, data))
                .one();
    }

    /** An order read for a receipt, and whether that receipt is applied to it for the first time. */
    record ForReceipt(LifecycleRow row, boolean firstTime, String receiptGuid) {

        ForReceipt(LifecycleRow row, boolean firstTime) {
            this(row, firstTime, null);
        }
    }

    /**
     * {@link #findForReceipt} for receipts of different orders, in one statement: each order found with the receipt
     * it is read for; a receipt whose order is not known is not answered.
     */
    Flux<ForReceipt> findForReceipts(List<CustomsReceipt> receipts, Instant now) {
        if (receipts.isEmpty()) {
            return Flux.empty();
        }
        return db.sql(FIND_FOR_RECEIPTS)
                .bind(0, receipts.stream().map(CustomsReceipt::subjectNo).toArray(String[]::new))
                .bind(1, receipts.stream().map(CustomsReceipt::guid).toArray(String[]::new))
                .bind(2, receipts.stream().map(CustomsReceipt::messageType).toArray(String[]::new))
                .bind(3, receipts.stream().map(CustomsReceipt::returnStatus).toArray(String[]::new))
                .bind(4, receipts.stream().map(r -> r.returnTime().toString()).toArray(String[]::new))
                .bind(5, utc(now))
                .map(r -> new ForReceipt(
                        LifecycleRow.from(r, data),
                        r.get("first_time", Boolean.class),
                        r.get("receipt_guid", String.class)))
                .all();
    }

    /**
     * The order and, in the same statement, the record that the receipt is being applied ({@link #firstTime}): one
     * round trip where a receipt used to take two.
     */
    Mono<ForReceipt> findForReceipt(
            String orderNo, String guid, String type, String status, Instant returnTime, Instant now) {
        return db.sql("with o as (select " + LifecycleRow.COLUMNS + " from customer_order where order_no = $1),"
                        + " first as (insert into order_receipt (guid, order_no, message_type, return_status,"
                        + " return_time, applied_at) select $2, order_no, $3, $4, $5, $6 from o"
                        + " on conflict (guid) do nothing returning guid)"
                        + " select o.*, exists (select from first) as first_time from o")
                .bind(0, orderNo)
                .bind(1, guid)
                .bind(2, type)
                .bind(3, status)
                .bind(4, utc(returnTime))
                .bind(5, utc(now))
                .map(r -> new ForReceipt(LifecycleRow.from(r, data), r.get("first_time", Boolean.class)))
                .one();
    }

    /**
     * Applies the receipt's move ({@link #moveForReceipt}), keeping the receipt with it when {@code kept}; answers
     * whether the order moved.
     */
    Mono<Boolean> moveForReceipt(Orders.Move move, CustomsReceipt receipt, Instant now, boolean kept) {
        Orders.Clearance clearance = move.clearance();
        var spec = db.sql(moveForReceipt(clearance != null, kept))
                .bind(0, move.orderNo())
                .bind(1, move.from().name())
                .bind(2, move.version())
                .bind(3, move.to().name())
                .bind(4, utc(now))
                .bind(5, move.event());
        spec = move.detail() == null ? spec.bindNull(6, String.class) : spec.bind(6, move.detail());
        spec = spec.bind(7, receipt.guid())
                .bind(8, receipt.messageType())
                .bind(9, receipt.returnStatus())
                .bind(10, utc(receipt.returnTime()));
        if (clearance != null) {
            spec = clearance.bind(spec, 11);
        }
        if (kept) {
            spec = KeptReceipts.bind(spec, clearance != null ? 15 : 11, receipt, now);
        }
        return spec.map(r -> r.get("order_no", String.class)).all().hasElements();
    }

    /** Notes the receipt on its order's timeline and keeps it ({@link #NOTE_FOR_RECEIPT}); whether it did. */
    Mono<Boolean> noteForReceipt(CustomsReceipt receipt, String event, String detail, Instant now) {
        var spec = recorded(db.sql(NOTE_FOR_RECEIPT), receipt.subjectNo(), receipt, event, detail, now);
        return KeptReceipts.bind(spec, 8, receipt, now)
                .map(r -> r.get("order_no", String.class))
                .all()
                .hasElements();
    }

    /**
     * Binds $1 to $8 of {@link #NOTE_FOR_RECEIPT} and {@link #TAX_BILL_FOR_RECEIPT}: the order, the receipt's record
     * (guid, type, status, time), when it is applied, and its timeline entry.
     */
    private static DatabaseClient.GenericExecuteSpec recorded(
            DatabaseClient.GenericExecuteSpec spec,
            String orderNo,
            CustomsReceipt receipt,
            String event,
            String detail,
            Instant now) {
        return spec.bind(0, orderNo)
                .bind(1, receipt.guid())
                .bind(2, receipt.messageType())
                .bind(3, receipt.returnStatus())
                .bind(4, utc(receipt.returnTime()))
                .bind(5, utc(now))
                .bind(6, event)
                .bind(7, detail);
    }

    /** The order whose request was sent with this guid, for a receipt that names the request only by it. */
    Mono<LifecycleRow> findBySentGuid(String guid) {
        return db.sql(FIND_BY_SENT_GUID)
                .bind(0, guid)
                .map(r -> LifecycleRow.from(r, data))
                .one();
    }

    /** Applies a tax bill pushed alone to the order as read ({@link #TAX_BILL_FOR_RECEIPT}); whether it did. */
    Mono<Boolean> taxBilledForReceipt(
            LifecycleRow row,
            TaxBillReceipts.Assessed bill,
            CustomsReceipt receipt,
            String event,
            String detail,
            Instant now) {
        var spec = recorded(db.sql(TAX_BILL_FOR_RECEIPT), row.orderNo(), receipt, event, detail, now)
                .bind(8, bill.taxNo())
                .bind(9, bill.customsTax())
                .bind(10, bill.valueAddedTax())
                .bind(11, bill.consumptionTax())
                .bind(12, row.status().name());
        return KeptReceipts.bind(spec, 13, receipt, now)
                .map(r -> r.get("order_no", String.class))
                .all()
                .hasElements();
    }

    /** The order whose list customs numbered so, for receipts that name only the list. */
    Mono<LifecycleRow> findByInvtNo(String invtNo) {
        return db.sql("select " + LifecycleRow.COLUMNS + " from customer_order where invt_no = $1")
                .bind(0, invtNo)
                .map(r -> LifecycleRow.from(r, data))
                .one();
    }

    Mono<Void> taxBilled(String orderNo, TaxBillReceipts.Assessed bill, Instant at) {
        return db.sql("update customer_order set tax_no = $2, customs_duty = $3, customs_vat = $4,"
                        + " customs_consumption_tax = $5, tax_billed_at = $6 where order_no = $1")
                .bind(0, orderNo)
                .bind(1, bill.taxNo())
                .bind(2, bill.customsTax())
                .bind(3, bill.valueAddedTax())
                .bind(4, bill.consumptionTax())
                .bind(5, utc(at))
                .then();
    }

    /**
     * What customs made of the order so far (its list number, the last inventory status and the tax bill, if any), from
     * a row holding its invt_no, customs_status, tax_no and the three taxes.
     */
    static OrderApi.Customs customsOf(String orderNo, Readable r) {
        String taxNo = r.get("tax_no", String.class);
        return new OrderApi.Customs(
                orderNo,
                r.get("invt_no", String.class),
                r.get("customs_status", String.class),
                taxNo == null
                        ? null
                        : OrderApi.TaxBill.of(
                                taxNo,
                                r.get("customs_duty", BigDecimal.class),
                                r.get("customs_vat", BigDecimal.class),
                                r.get("customs_consumption_tax", BigDecimal.class)));
    }

    Mono<Void> paid(String orderNo, String payCode, String transactionId, Instant at) {
        return db.sql("update customer_order set paid_at = $2, pay_code = $3, pay_transaction_id = $4"
                        + " where order_no = $1")
                .bind(0, orderNo)
                .bind(1, utc(at))
                .bind(2, payCode)
                .bind(3, transactionId)
                .then();
    }

    Mono<Void> cancelling(String orderNo, OrderStatus left) {
        return db.sql("update customer_order set status_before_cancel = $2 where order_no = $1")
                .bind(0, orderNo)
                .bind(1, left.name())
                .then();
    }

    /**
     * Records the latest inventory receipt's status (never letting another overwrite a final 800 or 899), the list number
     * once customs gave it, and the release date.
     */
    Mono<Void> cleared(String orderNo, Orders.Clearance clearance) {
        return clearance
                .bind(
                        db.sql("update customer_order set " + Orders.Clearance.columns(2) + " where order_no = $1 and "
                                        + Orders.Clearance.applies(2))
                                .bind(0, orderNo),
                        1)
                .then();
    }

    /**
     * Records that a receipt is being applied; answers false when its guid was applied before, so that a receipt
     * delivered twice (even at once: the second insert waits for the first to commit) is applied once.
     */
    Mono<Boolean> firstTime(String orderNo, String guid, String type, String status, Instant returnTime, Instant now) {
        return db.sql("insert into order_receipt (guid, order_no, message_type, return_status, return_time, applied_at)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict (guid) do nothing")
                .bind(0, guid)
                .bind(1, orderNo)
                .bind(2, type)
                .bind(3, status)
                .bind(4, utc(returnTime))
                .bind(5, utc(now))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }
}
