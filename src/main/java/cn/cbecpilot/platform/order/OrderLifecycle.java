package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.order.OrderEvent.*;
import static cn.cbecpilot.platform.order.OrderStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The transition table of the import order, held by Spring Statemachine. Nothing else in the platform knows the
 * library: callers ask which state an event leads to from a state, so the table could become a plain map without
 * touching them. The factory is built once; a question gets a fresh machine reset to the persisted state, because a
 * machine is not thread-safe and holds no state worth keeping between events. The table has no actions and its guards
 * read the message only, so a question has one answer for ever: each is put to a machine once and remembered (there
 * are a few hundred), rather than building a machine for every event of every order.
 */
@Component
public class OrderLifecycle {

    /** Message header carrying the state a cancellation left; customs refusing it sends the order back there. */
    static final String BEFORE_CANCEL = "beforeCancel";

    private static final Set<OrderStatus> UNDER_CLEARANCE =
            EnumSet.of(DECLARED, CUSTOMS_ACCEPTED, MANUAL_REVIEW, INSPECTION, DETAINED);

    private final StateMachineFactory<OrderStatus, OrderEvent> factory;
    private final AtomicLong machines = new AtomicLong();
    private final Map<Question, Optional<OrderStatus>> answers = new ConcurrentHashMap<>();

    private record Question(OrderStatus current, OrderEvent event, OrderStatus beforeCancel) {}

    public OrderLifecycle() {
        this.factory = buildFactory();
    }

    /**
     * The state the event leads to from {@code current}, or empty when the table does not allow it there.
     *
     * @param beforeCancel the state a pending cancellation left (only read in {@code CANCELLING})
     */
    public Mono<Optional<OrderStatus>> next(OrderStatus current, OrderEvent event, OrderStatus beforeCancel) {
        Question question = new Question(current, event, beforeCancel);
        Optional<OrderStatus> known = answers.get(question);
        if (known != null) {
            return Mono.just(known);
        }
        return ask(current, event, beforeCancel).doOnNext(answer -> answers.putIfAbsent(question, answer));
    }

    /** How many machines were built to answer questions: once per distinct question. */
    long machinesBuilt() {
        return machines.get();
    }

    private Mono<Optional<OrderStatus>> ask(OrderStatus current, OrderEvent event, OrderStatus beforeCancel) {
        return Mono.defer(() -> {
            // a counter, not UUID.randomUUID(): the id only names the machine in logs, and SecureRandom costs more
            StateMachine<OrderStatus, OrderEvent> machine =
                    factory.getStateMachine(new UUID(0L, machines.incrementAndGet()));
            return machine.getStateMachineAccessor()
                    .withRegion()
                    .resetStateMachineReactively(new DefaultStateMachineContext<>(current, null, null, null))
                    .then(machine.startReactively())
                    .thenMany(machine.sendEvent(Mono.just(message(event, beforeCancel))))
                    .map(r -> r.getResultType() == StateMachineEventResult.ResultType.ACCEPTED)
                    .reduce(false, Boolean::logicalOr)
                    .map(accepted -> moved(accepted, current, machine.getState().getId()))
                    .flatMap(next -> machine.stopReactively().thenReturn(next));
        });
    }

    /**
     * The library answers ACCEPTED when a transition has the event as trigger even if its guard then said no; every
     * transition of the table leaves its state, so staying put means refused.
     */
    private static Optional<OrderStatus> moved(boolean accepted, OrderStatus from, OrderStatus to) {
        return accepted && to != from ? Optional.of(to) : Optional.empty();
    }

    private static Message<OrderEvent> message(OrderEvent event, OrderStatus beforeCancel) {
        return MessageBuilder.withPayload(event)
                .setHeader(BEFORE_CANCEL, beforeCancel)
                .build();
    }

    private static StateMachineFactory<OrderStatus, OrderEvent> buildFactory() {
        try {
            StateMachineBuilder.Builder<OrderStatus, OrderEvent> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            // the table is covered by a test of every (state, event) pair; verifying it on each build adds nothing
            builder.configureConfiguration().withVerifier().enabled(false);
            builder.configureStates()
                    .withStates()
                    .initial(PENDING_PAYMENT)
                    .states(EnumSet.allOf(OrderStatus.class))
                    .end(RETURNED_ABROAD)
                    .end(CANCELLED)
                    .end(RETURNED);
            transitions(builder.configureTransitions());
            return builder.createFactory();
        } catch (Exception e) {
            throw new IllegalStateException("the order transition table is malformed", e);
        }
    }

    private static void transitions(StateMachineTransitionConfigurer<OrderStatus, OrderEvent> t) throws Exception {
        move(t, PENDING_PAYMENT, PAY, PAID);
        move(t, PENDING_PAYMENT, CANCEL, CANCELLED);
        move(t, PENDING_PAYMENT, PAYMENT_TIMEOUT, CANCELLED);
        move(t, PAID, DECLARE, DECLARED);
        move(t, PAID, CANCEL, CANCELLED);
        clearance(t);
        move(t, REJECTED, REDECLARE, DECLARED);
        move(t, REJECTED, CANCEL, CANCELLED);
        move(t, DECLARED, CANCEL, CANCELLING);
        move(t, CUSTOMS_ACCEPTED, CANCEL, CANCELLING);
        move(t, CANCELLING, APPROVE_CANCEL, CANCELLED);
        // customs rejected the list while its cancellation waited: nothing is left to cancel, the order is cancelled
        move(t, CANCELLING, REJECT, CANCELLED);
        for (OrderStatus back : EnumSet.of(DECLARED, CUSTOMS_ACCEPTED)) {
            t.withExternal()
                    .source(CANCELLING)
                    .event(REFUSE_CANCEL)
                    .target(back)
                    .guard(c -> c.getMessageHeaders().get(BEFORE_CANCEL) == back)
                    .and();
        }
        move(t, RELEASED, PICK, OUT_OF_BOND);
        move(t, OUT_OF_BOND, HANDOVER, IN_TRANSIT);
        move(t, IN_TRANSIT, SIGN, DELIVERED);
        move(t, DELIVERED, RETURN, RETURN_REQUESTED);
        move(t, RETURN_REQUESTED, APPROVE_RETURN, RETURN_APPROVED);
        move(t, RETURN_REQUESTED, REFUSE_RETURN, DELIVERED);
        move(t, RETURN_APPROVED, RECEIVE_RETURN, RETURNED);
        move(t, RETURN_APPROVED, RETURN_LAPSED, DELIVERED);
    }

    /**
     * Receipts move an order under clearance forward only: each review stage may follow an earlier one, and release,
     * rejection or return abroad may end any of them.
     */
    private static void clearance(StateMachineTransitionConfigurer<OrderStatus, OrderEvent> t) throws Exception {
        move(t, DECLARED, ACCEPT, CUSTOMS_ACCEPTED);
        for (OrderStatus from : EnumSet.of(DECLARED, CUSTOMS_ACCEPTED)) {
            move(t, from, REVIEW, MANUAL_REVIEW);
        }
        for (OrderStatus from : EnumSet.of(DECLARED, CUSTOMS_ACCEPTED, MANUAL_REVIEW)) {
            move(t, from, INSPECT, INSPECTION);
        }
        for (OrderStatus from : EnumSet.of(DECLARED, CUSTOMS_ACCEPTED, MANUAL_REVIEW, INSPECTION)) {
            move(t, from, DETAIN, DETAINED);
        }
        for (OrderStatus from : UNDER_CLEARANCE) {
            move(t, from, REJECT, REJECTED);
            move(t, from, RETURN_ABROAD, RETURNED_ABROAD);
            move(t, from, RELEASE, RELEASED);
        }
    }

    private static void move(
            StateMachineTransitionConfigurer<OrderStatus, OrderEvent> t,
            OrderStatus from,
            OrderEvent on,
            OrderStatus to)
            throws Exception {
        t.withExternal().source(from).event(on).target(to);
    }
}
