package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.order.OrderEvent.*;

import cn.cbecpilot.platform.bond.BondStock;
import cn.cbecpilot.platform.compliance.Buyer;
import cn.cbecpilot.platform.compliance.PayerMatchRule;
import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The buyer's and operator's events on an import order, each one transaction: the order is read, the transition table
 * asked, the state moved under its version, the timeline extended and the customs requests queued, or nothing at all.
 * Callers have checked who may act; this checks what the order allows.
 */
@Service
public class ChangingOrders {

    private final LifecycleRows rows;
    private final Transitions transitions;
    private final Quotas quotas;
    private final BondStock stock;
    private final Picking picking;
    private final ReturnedGoods returned;
    private final UnitCodes codes;
    private final LifecycleProperties properties;
    private final TransactionalOperator tx;
    private final Clock clock;

    ChangingOrders(
            LifecycleRows rows,
            Transitions transitions,
            Quotas quotas,
            BondStock stock,
            Picking picking,
            ReturnedGoods returned,
            UnitCodes codes,
            LifecycleProperties properties,
            TransactionalOperator tx,
            Clock clock) {
        this.rows = rows;
        this.transitions = transitions;
        this.quotas = quotas;
        this.stock = stock;
        this.picking = picking;
        this.returned = returned;
        this.codes = codes;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** PAYER_MATCH, then PAY, then DECLARE at once: a paid order goes to customs without waiting for anyone. */
    public Mono<OrderStatus> pay(String orderNo, Payment payment) {
        return change(orderNo, row -> transitions
                .target(row, PAY)
                .then(Mono.fromRunnable(() -> payerMatches(row, payment)))
                .then(transitions.apply(
                        row,
                        PAY,
                        PAY.name(),
                        payment.payCode(),
                        c -> rows.paid(orderNo, payment.payCode(), payment.transactionId(), c.at())))
                .flatMap(this::declare));
    }

    /** Before declaration the order is simply cancelled; after it, customs is asked to cancel the list (CEB623). */
    public Mono<OrderStatus> cancel(String orderNo) {
        return change(
                orderNo,
                row -> transitions.apply(row, CANCEL, CANCEL.name(), null, c -> switch (c.to()) {
                    case CANCELLED -> giveBack(row);
                    case CANCELLING ->
                        rows.cancelling(orderNo, row.status()).then(transitions.send(orderNo, '1', "CEB623"));
                    default -> Mono.empty();
                }));
    }

    /** The corrected declaration after customs rejected the list: the same list again as a change (appType 2). */
    public Mono<OrderStatus> redeclare(String orderNo) {
        return change(
                orderNo,
                row -> transitions.apply(
                        row, REDECLARE, REDECLARE.name(), null, c -> transitions.send(orderNo, '2', "CEB621")));
    }

    /** Binds one code per unit (the given ones, or first-expiry-first-out) and takes the units out of bond. */
    public Mono<OrderStatus> pick(String orderNo, List<String> scanned) {
        return change(
                orderNo,
                row -> transitions.apply(
                        row,
                        PICK,
                        PICK.name(),
                        null,
                        c -> picking.pick(orderNo, scanned, LocalDate.now(clock), c.at())));
    }

    public Mono<OrderStatus> handOver(String orderNo) {
        return change(
                orderNo,
                row -> transitions.apply(
                        row,
                        HANDOVER,
                        HANDOVER.name(),
                        null,
                        c -> codes.event(orderNo, "HANDED_OVER", "IN_TRANSIT", c.at())));
    }

    public Mono<OrderStatus> delivered(String orderNo) {
        return change(
                orderNo,
                row -> transitions.apply(
                        row, SIGN, SIGN.name(), null, c -> codes.event(orderNo, "DELIVERED", "DELIVERED", c.at())));
    }

    /** Asks customs for a return (CEB625), within the window after release. */
    public Mono<OrderStatus> requestReturn(String orderNo) {
        return change(orderNo, row -> transitions
                .target(row, RETURN)
                .then(Mono.fromRunnable(() -> withinWindow(row, properties.returnRequestWindow(), "asked for")))
                .then(transitions.apply(
                        row, RETURN, RETURN.name(), null, c -> transitions.send(orderNo, '1', "CEB625"))));
    }

    /** The returned units are back in bond, every code scanned: the annual quota is given back, the units held. */
    public Mono<OrderStatus> receiveReturn(String orderNo, List<String> scanned) {
        return change(orderNo, row -> transitions
                .target(row, RECEIVE_RETURN)
                .then(Mono.fromRunnable(() -> withinWindow(row, properties.returnArrivalWindow(), "back in bond")))
                .then(returned.check(orderNo, scanned))
                .then(transitions.apply(row, RECEIVE_RETURN, RECEIVE_RETURN.name(), null, c -> returned.receive(orderNo)
                        .then(quotas.giveBack(row.order())))));
    }

    /**
     * The approved return's goods were not back in bond within the window after release: the return lapses and the
     * sale stands, so the quota stays used and the units stay with the buyer. Inside the caller's transaction.
     */
    Mono<LifecycleRow> lapseReturn(LifecycleRow row) {
        return transitions.apply(
                row,
                RETURN_LAPSED,
                RETURN_LAPSED.name(),
                "goods not back in bond within "
                        + properties.returnArrivalWindow().toDays() + " days of release",
                c -> Mono.empty());
    }

    /** The payment deadline passed: stock and quota go back. Inside the caller's transaction. */
    Mono<LifecycleRow> timeOut(LifecycleRow row) {
        return transitions.apply(
                row, PAYMENT_TIMEOUT, PAYMENT_TIMEOUT.name(), "unpaid at the payment deadline", c -> giveBack(row));
    }

    /** What a cancelled or expired order held, back to the buyer's quota and to stock. */
    Mono<Void> giveBack(LifecycleRow row) {
        return quotas.giveBack(row.order()).then(stock.giveBack(row.orderNo()));
    }

    /** The CEB623 still waiting to leave goes back with the rejection that completed the cancellation. */
    Mono<Void> withdrawCancellation(String orderNo) {
        return transitions.withdraw(orderNo, "CEB623");
    }

    private Mono<LifecycleRow> declare(LifecycleRow paid) {
        String[] messages = properties.relayPartnerMessages()
                ? new String[] {"CEB311", "CEB411", "CEB511", "CEB621"}
                : new String[] {"CEB311", "CEB621"};
        return transitions.apply(
                paid, DECLARE, DECLARE.name(), null, c -> transitions.send(paid.orderNo(), '1', messages));
    }

    private Mono<OrderStatus> change(String orderNo, Function<LifecycleRow, Mono<LifecycleRow>> step) {
        return rows.find(orderNo)
                .switchIfEmpty(Mono.error(() -> NotFound.order(orderNo)))
                .flatMap(step)
                .as(tx::transactional)
                .map(LifecycleRow::status);
    }

    private static void payerMatches(LifecycleRow row, Payment payment) {
        OrderRow o = row.order();
        List<Violation> violations = new ArrayList<>(PayerMatchRule.check(
                new Buyer(o.buyerName(), o.buyerIdNumber(), o.buyerPhone()),
                o.total(),
                payment.payerName(),
                payment.payerIdNumber(),
                payment.amount()));
        if (!violations.isEmpty()) {
            throw new RulesViolated("the payment breaks " + violations.size() + " rule(s) of the pilot", violations);
        }
    }

    private void withinWindow(LifecycleRow row, Duration window, String what) {
        Instant released = row.releasedAt();
        if (released == null || clock.instant().isAfter(released.plus(window))) {
            throw InvalidInput.of(
                    "RETURN_WINDOW",
                    "orderNo",
                    "goods may be " + what + " within " + window.toDays() + " days of release (" + released + ")");
        }
    }
}
