package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.customs.CustomsOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies one event to an order read earlier in the caller's transaction: asks the transition table, moves the row if
 * it is still at the version read (so of two concurrent events exactly one wins), appends the timeline entry and runs
 * the event's effects, outbound customs messages included. The caller's transaction makes all of it one change.
 */
@Component
class Transitions {

    private final OrderLifecycle lifecycle;
    private final Orders orders;
    private final CustomsOutbox outbox;
    private final Clock clock;

    Transitions(OrderLifecycle lifecycle, Orders orders, CustomsOutbox outbox, Clock clock) {
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A transition that was persisted: the order before it, where it went, and when. */
    record Change(LifecycleRow before, OrderStatus to, Instant at) {

        String orderNo() {
            return before.orderNo();
        }
    }

    /** The state the event would lead to, or a refusal naming the current state. */
    Mono<OrderStatus> target(LifecycleRow row, OrderEvent event) {
        return lifecycle.next(row.status(), event, row.statusBeforeCancel()).flatMap(next -> next.map(Mono::just)
                .orElseGet(() -> Mono.error(EventRefused.inState(row.orderNo(), row.status(), event))));
    }

    /**
     * Applies the event, recording it on the timeline as {@code name}; {@code effects} run after the state moved, in
     * the same transaction.
     */
    Mono<LifecycleRow> apply(
            LifecycleRow row, OrderEvent event, String name, String detail, Function<Change, Mono<Void>> effects) {
        return apply(row, event, name, detail, null, effects);
    }

    /** {@link #apply}, recording with the move what an inventory receipt told of the clearance. */
    Mono<LifecycleRow> apply(
            LifecycleRow row,
            OrderEvent event,
            String name,
            String detail,
            Orders.Clearance clearance,
            Function<Change, Mono<Void>> effects) {
        return target(row, event).flatMap(to -> persist(row, event, to, name, detail, clearance, effects));
    }

    private Mono<LifecycleRow> persist(
            LifecycleRow row,
            OrderEvent event,
            OrderStatus to,
            String name,
            String detail,
            Orders.Clearance clearance,
            Function<Change, Mono<Void>> effects) {
        Instant now = clock.instant();
        Change change = new Change(row, to, now);
        return orders.move(row.orderNo(), row.status(), row.order().version(), to, now, name, detail, clearance)
                .flatMap(moved -> moved
                        ? effects.apply(change)
                        : Mono.error(EventRefused.changedMeanwhile(row.orderNo(), row.status(), event)))
                .then(Mono.fromSupplier(() -> row.movedTo(to)));
    }

    /** An event the transition table allows an order read earlier, decided now and written later. */
    record Planned(
            LifecycleRow row,
            OrderEvent event,
            OrderStatus to,
            String name,
            String detail,
            Orders.Clearance clearance) {

        /** The move to write: from the state and version read. */
        Orders.Move move() {
            return new Orders.Move(row.orderNo(), row.status(), row.order().version(), to, name, detail, clearance);
        }
    }

    /**
     * Moves the orders of events without effects (each order named once), with their timeline entries, in one
     * statement; fails as {@link EventRefused#changedMeanwhile} when one of them is no longer at the version read,
     * leaving the caller's transaction to be rolled back.
     */
    Mono<Void> moveAll(List<Planned> planned) {
        if (planned.size() < 2) {
            // one order: its own statement, whose plan PostgreSQL keeps, rather than the statement of many
            return Flux.fromIterable(planned)
                    .concatMap(p ->
                            persist(p.row(), p.event(), p.to(), p.name(), p.detail(), p.clearance(), c -> Mono.empty()))
                    .then();
        }
        List<Orders.Move> moves = planned.stream().map(Planned::move).toList();
        return orders.moveAll(moves, clock.instant())
                .collect(Collectors.toSet())
                .flatMap(moved -> planned.stream()
                        .filter(p -> !moved.contains(p.row().orderNo()))
                        .findFirst()
                        .map(p -> Mono.<Void>error(EventRefused.changedMeanwhile(
                                p.row().orderNo(), p.row().status(), p.event())))
                        .orElseGet(Mono::empty));
    }

    /** Writes the customs requests a transition calls for, in the transaction of the transition. */
    Mono<Void> send(String orderNo, char appType, String... messageTypes) {
        return outbox.enqueueAll(CustomsOutbox.SubjectKind.ORDER, orderNo, appType, messageTypes)
                .then();
    }

    /** Takes back the order's requests of the type that have not left, in the transaction of the transition. */
    Mono<Void> withdraw(String orderNo, String messageType) {
        return outbox.withdrawUnsent(CustomsOutbox.SubjectKind.ORDER, orderNo, messageType)
                .then();
    }

    /** A receipt or request that moves nothing, kept on the timeline all the same. */
    Mono<Void> note(LifecycleRow row, String name, String detail) {
        return orders.appendHistory(row.orderNo(), row.status(), row.status(), name, clock.instant(), detail);
    }
}
