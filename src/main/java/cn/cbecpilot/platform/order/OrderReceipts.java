package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.customs.CustomsReceipt;
import cn.cbecpilot.platform.customs.FormatFailures;
import cn.cbecpilot.platform.customs.NotTogether;
import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.customs.TaxBillReceipts;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Customs receipts of the import order (312, 412, 512, 622, 624, 626, 816) turned into its events. Each is applied at most
 * once by guid and kept on the timeline as {@code RECEIPT_<type>_<status>}; an inventory receipt older than the one
 * that last moved the order, or a stage the order has passed (a 120 after 800), changes nothing.
 */
@Component
class OrderReceipts implements ReceiptConsumer {

    private final LifecycleRows rows;
    private final Transitions transitions;
    private final ChangingOrders changing;
    private final TransactionalOperator tx;
    private final Clock clock;

    OrderReceipts(
            LifecycleRows rows,
            Transitions transitions,
            ChangingOrders changing,
            TransactionalOperator tx,
            Clock clock) {
        this.rows = rows;
        this.transitions = transitions;
        this.changing = changing;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public boolean accepts(CustomsReceipt receipt) {
        return ReceiptEvents.TYPES.contains(receipt.messageType())
                || FormatFailures.refusedType(receipt)
                        .filter(ReceiptEvents.REQUESTS::contains)
                        .isPresent();
    }

    @Override
    public Mono<Boolean> apply(CustomsReceipt receipt) {
        return movedAlone(receipt, false).flatMap(moved -> moved ? Mono.just(true) : applyInTransaction(receipt));
    }

    /**
     * The usual receipts pushed alone: a 312, 412 or 512, which only goes on the timeline, noted, recorded and kept in
     * one statement; a 120 or 800 of the list read, then moved, recorded and kept in one statement ({@link
     * #movedAlone}); a tax bill read with its order, then applied, noted and kept in one statement ({@link
     * #billedAlone}).
     */
    @Override
    public Mono<Boolean> applyAndKeep(CustomsReceipt receipt) {
        if (ReceiptEvents.TAX_BILL.equals(receipt.messageType())) {
            return billedAlone(receipt);
        }
        return notedOnly(receipt)
                ? rows.noteForReceipt(receipt, name(receipt), detail(receipt), clock.instant())
                : movedAlone(receipt, true);
    }

    /**
     * A tax bill pushed alone: the order read by the list it names (by the guid the list was sent with), then its tax,
     * the receipt's record, its timeline entry and the receipt kept in one statement. False when the list was not sent
     * from here or the bill is not the order's list's: the transaction decides those, by the list's number.
     */
    private Mono<Boolean> billedAlone(CustomsReceipt receipt) {
        return rows.findBySentGuid(receipt.subjectNo())
                .flatMap(row -> Mono.justOrEmpty(TaxBillReceipts.in(receipt, row.invtNo()))
                        .flatMap(bill -> rows.taxBilledForReceipt(
                                row, bill, receipt, name(receipt), billed(bill, detail(receipt)), clock.instant())))
                .defaultIfEmpty(false);
    }

    /**
     * A receipt that moves nothing and has nothing to record but its timeline entry: any but a list's, a tax bill or
     * a refusal of a request (CEB900), as {@link #applyOnce} notes it.
     */
    private static boolean notedOnly(CustomsReceipt receipt) {
        return !ReceiptEvents.INVENTORY.equals(receipt.messageType())
                && !ReceiptEvents.TAX_BILL.equals(receipt.messageType())
                && FormatFailures.refusedType(receipt).isEmpty()
                && event(receipt).isEmpty();
    }

    /**
     * A receipt that does nothing but move its order (the usual 120 or 800 pushed alone) applied without a
     * transaction: the order read, then moved with its timeline entry and the receipt's record in one statement
     * ({@link LifecycleRows#moveForReceipt}), which also keeps the receipt when {@code kept}; two round trips where the
     * transaction takes four. False for any other receipt, an order not known, and an order that changed meanwhile or
     * has the receipt already: the transaction decides those.
     */
    private Mono<Boolean> movedAlone(CustomsReceipt receipt, boolean kept) {
        if (ReceiptEvents.TAX_BILL.equals(receipt.messageType())) {
            return Mono.just(false);
        }
        return rows.find(receipt.subjectNo())
                .flatMap(row -> plainMove(row, receipt))
                .flatMap(planned -> rows.moveForReceipt(planned.move(), receipt, clock.instant(), kept))
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> applyInTransaction(CustomsReceipt receipt) {
        return attempt(receipt, false)
                .as(tx::transactional)
                // an operator's event moved the order between our read and our write: read it again
                .retryWhen(
                        Retry.backoff(5, Duration.ofMillis(5)).filter(e -> e instanceof EventRefused r && r.raced()));
    }

    /**
     * The first receipt of each order named by its number is read with its order, and recorded, in one statement for
     * all of them; the orders named once whose receipt moves them (without effects) are then moved in one statement
     * too. A later receipt of an order in the same message (which must see the order as the earlier one left it), a
     * tax bill (whose list may have to be found by its number) and a receipt that moves nothing or has effects are
     * applied one by one after them, in document order.
     */
    @Override
    public Flux<CustomsReceipt> applyTogether(List<CustomsReceipt> receipts) {
        Set<String> orders = new HashSet<>();
        List<CustomsReceipt> firsts = receipts.stream()
                .filter(r -> !ReceiptEvents.TAX_BILL.equals(r.messageType()) && orders.add(r.subjectNo()))
                .toList();
        if (firsts.size() < 2) {
            // one order: its own read, whose plan PostgreSQL keeps, rather than the read of many
            return Flux.fromIterable(receipts)
                    .concatMap(
                            r -> attempt(r, true).filter(Boolean::booleanValue).map(known -> r));
        }
        Set<String> firstGuids = firsts.stream().map(CustomsReceipt::guid).collect(Collectors.toSet());
        return rows.findForReceipts(firsts, clock.instant())
                .collectMap(LifecycleRows.ForReceipt::receiptGuid)
                .flatMapMany(found -> plainMoves(receipts, found).flatMapMany(moves -> transitions
                        .moveAll(List.copyOf(moves.values()))
                        .thenMany(Flux.fromIterable(receipts)
                                .concatMap(r -> moves.containsKey(r.guid())
                                        ? Mono.just(r)
                                        : applyRead(r, found.get(r.guid()), firstGuids)))));
    }

    /**
     * The {@link #plainMove}s of the receipts read with their order for the first time, by receipt guid, in document
     * order; only for orders the message names once, since a later receipt must see its order as the earlier left it.
     */
    private Mono<Map<String, Transitions.Planned>> plainMoves(
            List<CustomsReceipt> receipts, Map<String, LifecycleRows.ForReceipt> found) {
        Map<String, Long> named =
                receipts.stream().collect(Collectors.groupingBy(CustomsReceipt::subjectNo, Collectors.counting()));
        return Flux.fromIterable(receipts)
                .concatMap(r -> {
                    LifecycleRows.ForReceipt read = found.get(r.guid());
                    return read != null && read.firstTime() && named.get(r.subjectNo()) == 1
                            ? plainMove(read.row(), r).map(move -> Map.entry(r.guid(), move))
                            : Mono.empty();
                })
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    /**
     * A receipt of the message not moved with the others: applied to the order read with it, or, when it was not read
     * with the others (a later receipt of its order, a tax bill), read on its own; answered when its order is known.
     */
    private Mono<CustomsReceipt> applyRead(
            CustomsReceipt receipt, LifecycleRows.ForReceipt read, Set<String> firstGuids) {
        if (read != null) {
            return (read.firstTime() ? applyOnce(read.row(), receipt, true) : Mono.<Void>empty()).thenReturn(receipt);
        }
        return firstGuids.contains(receipt.guid())
                ? Mono.empty()
                : attempt(receipt, true).filter(Boolean::booleanValue).map(known -> receipt);
    }

    /**
     * The receipt's move of the order as read, when it is nothing more: an event the transition table allows, with no
     * effects besides the move; empty for anything else (a tax bill, a note, a refused event, stock given back).
     */
    private Mono<Transitions.Planned> plainMove(LifecycleRow row, CustomsReceipt receipt) {
        Optional<OrderEvent> event = event(receipt);
        if (ReceiptEvents.TAX_BILL.equals(receipt.messageType()) || event.isEmpty() || older(row, receipt)) {
            return Mono.empty();
        }
        boolean inventory = ReceiptEvents.INVENTORY.equals(receipt.messageType());
        return transitions
                .target(row, event.get())
                .filter(to -> !givesStockBack(to, event.get()))
                .map(to -> new Transitions.Planned(
                        row, event.get(), to, name(receipt), detail(receipt), inventory ? clearance(receipt) : null))
                .onErrorResume(EventRefused.class, e -> Mono.empty());
    }

    private Mono<Boolean> attempt(CustomsReceipt receipt, boolean together) {
        return order(receipt)
                .flatMap(found -> (found.firstTime() ? applyOnce(found.row(), receipt, together) : Mono.<Void>empty())
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    /**
     * The order the receipt answers, recorded as applying it (once by guid); a tax bill for a list not sent from here
     * is found by the list's number.
     */
    private Mono<LifecycleRows.ForReceipt> order(CustomsReceipt receipt) {
        Mono<LifecycleRows.ForReceipt> bySubject = rows.findForReceipt(
                receipt.subjectNo(),
                receipt.guid(),
                receipt.messageType(),
                receipt.returnStatus(),
                receipt.returnTime(),
                clock.instant());
        if (!ReceiptEvents.TAX_BILL.equals(receipt.messageType())) {
            return bySubject;
        }
        String invtNo = InventoryNumbers.in(receipt.xml());
        return invtNo == null
                ? bySubject
                : bySubject.switchIfEmpty(rows.findByInvtNo(invtNo).flatMap(row -> rows.firstTime(
                                row.orderNo(),
                                receipt.guid(),
                                receipt.messageType(),
                                receipt.returnStatus(),
                                receipt.returnTime(),
                                clock.instant())
                        .map(first -> new LifecycleRows.ForReceipt(row, first))));
    }

    private Mono<Void> applyOnce(LifecycleRow row, CustomsReceipt receipt, boolean together) {
        String name = name(receipt);
        String detail = detail(receipt);
        if (ReceiptEvents.TAX_BILL.equals(receipt.messageType())) {
            return taxBilled(row, receipt, name, detail);
        }
        Optional<OrderEvent> event = event(receipt);
        boolean inventory = ReceiptEvents.INVENTORY.equals(receipt.messageType());
        if (older(row, receipt)) {
            return transitions.note(row, name, "older than the inventory receipt applied last; " + detail);
        }
        if (event.isEmpty()) {
            return transitions.note(row, name, detail).then(inventory ? cleared(row, receipt) : Mono.empty());
        }
        return transitions
                .apply(
                        row,
                        event.get(),
                        name,
                        detail,
                        inventory ? clearance(receipt) : null,
                        c -> together && givesStockBack(c.to(), event.get())
                                ? Mono.error(new NotTogether("gives stock back"))
                                : effects(c, event.get()))
                .then()
                .onErrorResume(e -> e instanceof EventRefused r && !r.raced(), e -> transitions
                        .note(row, name, "no change, the order is " + row.status() + "; " + detail)
                        .then(
                                inventory && (ReceiptEvents.isFinal(receipt.returnStatus()) || cancelling(row))
                                        ? cleared(row, receipt).then(acceptedWhileCancelling(row, event.get()))
                                        : Mono.empty()));
    }

    /**
     * Customs goes on clearing a list while its cancellation is pending, and the cancellation needs the invtNo the
     * 120 brings; so the list's receipts are recorded, and a refused cancellation goes back to the stage reached.
     */
    private static boolean cancelling(LifecycleRow row) {
        return row.status() == OrderStatus.CANCELLING;
    }

    private Mono<Void> acceptedWhileCancelling(LifecycleRow row, OrderEvent event) {
        return cancelling(row) && event == OrderEvent.ACCEPT && row.statusBeforeCancel() == OrderStatus.DECLARED
                ? rows.cancelling(row.orderNo(), OrderStatus.CUSTOMS_ACCEPTED)
                : Mono.empty();
    }

    /** Keeps the tax customs assessed with the order (a later bill, e.g. a void one's successor, replaces it). */
    private Mono<Void> taxBilled(LifecycleRow row, CustomsReceipt receipt, String name, String detail) {
        return TaxBillReceipts.in(receipt, row.invtNo())
                .map(bill -> rows.taxBilled(row.orderNo(), bill, receipt.returnTime())
                        .then(transitions.note(row, name, billed(bill, detail))))
                .orElseGet(() -> transitions.note(row, name, "no tax bill of list " + row.invtNo() + "; " + detail));
    }

    /** The timeline's detail of a tax bill applied. */
    private static String billed(TaxBillReceipts.Assessed bill, String detail) {
        return timelineDetail("tax bill " + bill.taxNo() + " " + bill.total().toPlainString() + "; " + detail);
    }

    /**
     * What the event does besides the move; an inventory receipt's clearance is recorded with the move itself. Only
     * the events {@link #givesStockBack} names have any: {@link #plainMove} relies on it.
     */
    private Mono<Void> effects(Transitions.Change c, OrderEvent event) {
        return switch (event) {
            case APPROVE_CANCEL, RETURN_ABROAD -> changing.giveBack(c.before());
            case REJECT ->
                c.to() == OrderStatus.CANCELLED
                        ? changing.giveBack(c.before()).then(changing.withdrawCancellation(c.orderNo()))
                        : Mono.empty();
            default -> Mono.empty();
        };
    }

    /** Whether the event has {@link #effects}: all of them give stock back. */
    private static boolean givesStockBack(OrderStatus to, OrderEvent event) {
        return switch (event) {
            case APPROVE_CANCEL, RETURN_ABROAD -> true;
            case REJECT -> to == OrderStatus.CANCELLED;
            default -> false;
        };
    }

    /** The event the receipt is: by its status, or for a request customs could not read, by the request's type. */
    private static Optional<OrderEvent> event(CustomsReceipt receipt) {
        Optional<String> unreadable = FormatFailures.refusedType(receipt);
        return unreadable.isPresent()
                ? unreadable.flatMap(ReceiptEvents::ofUnreadable)
                : ReceiptEvents.of(receipt.messageType(), receipt.returnStatus());
    }

    /** An inventory receipt older than the one applied last, which changes nothing but the timeline. */
    private static boolean older(LifecycleRow row, CustomsReceipt receipt) {
        return ReceiptEvents.INVENTORY.equals(receipt.messageType())
                && row.customsStatusAt() != null
                && receipt.returnTime().isBefore(row.customsStatusAt());
    }

    private Mono<Void> cleared(LifecycleRow row, CustomsReceipt receipt) {
        return rows.cleared(row.orderNo(), clearance(receipt));
    }

    private static Orders.Clearance clearance(CustomsReceipt receipt) {
        return new Orders.Clearance(
                receipt.returnStatus(),
                receipt.returnTime(),
                InventoryNumbers.in(receipt.xml()),
                ReceiptEvents.isFinal(receipt.returnStatus()));
    }

    private static String name(CustomsReceipt receipt) {
        String name = "RECEIPT_" + receipt.messageType().replace("CEB", "") + "_" + receipt.returnStatus();
        return name.length() > 32 ? name.substring(0, 32) : name;
    }

    private static String detail(CustomsReceipt receipt) {
        return timelineDetail(receipt.guid() + " " + receipt.returnInfo());
    }

    /** A timeline entry's detail, cut to what its column holds. */
    private static String timelineDetail(String detail) {
        return detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }
}
