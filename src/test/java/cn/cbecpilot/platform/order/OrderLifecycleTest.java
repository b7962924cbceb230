package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.order.OrderEvent.*;
import static cn.cbecpilot.platform.order.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (state, event) pair of the import order's transition table: the allowed ones lead where DESIGN 4 says. */
class OrderLifecycleTest {

    private static final OrderLifecycle LIFECYCLE = new OrderLifecycle();

    /** DESIGN section 4, written out by hand: state → event → next state. Pairs not listed are refused. */
    private static final Map<OrderStatus, Map<OrderEvent, OrderStatus>> TABLE = new EnumMap<>(OrderStatus.class);

    static {
        allow(PENDING_PAYMENT, PAY, PAID);
        allow(PENDING_PAYMENT, CANCEL, CANCELLED);
        allow(PENDING_PAYMENT, PAYMENT_TIMEOUT, CANCELLED);
        allow(PAID, DECLARE, DECLARED);
        allow(PAID, CANCEL, CANCELLED);
        allow(DECLARED, ACCEPT, CUSTOMS_ACCEPTED);
        allow(DECLARED, REVIEW, MANUAL_REVIEW);
        allow(CUSTOMS_ACCEPTED, REVIEW, MANUAL_REVIEW);
        for (OrderStatus s : List.of(DECLARED, CUSTOMS_ACCEPTED, MANUAL_REVIEW)) {
            allow(s, INSPECT, INSPECTION);
        }
        for (OrderStatus s : List.of(DECLARED, CUSTOMS_ACCEPTED, MANUAL_REVIEW, INSPECTION)) {
            allow(s, DETAIN, DETAINED);
        }
        for (OrderStatus s : List.of(DECLARED, CUSTOMS_ACCEPTED, MANUAL_REVIEW, INSPECTION, DETAINED)) {
            allow(s, REJECT, REJECTED);
            allow(s, RETURN_ABROAD, RETURNED_ABROAD);
            allow(s, RELEASE, RELEASED);
        }
        allow(DECLARED, CANCEL, CANCELLING);
        allow(CUSTOMS_ACCEPTED, CANCEL, CANCELLING);
        allow(REJECTED, REDECLARE, DECLARED);
        allow(REJECTED, CANCEL, CANCELLED);
        allow(CANCELLING, APPROVE_CANCEL, CANCELLED);
        allow(CANCELLING, REJECT, CANCELLED);
        // REFUSE_CANCEL goes back to the state the cancellation left: see refusedCancellationGoesBack below
        allow(RELEASED, PICK, OUT_OF_BOND);
        allow(OUT_OF_BOND, HANDOVER, IN_TRANSIT);
        allow(IN_TRANSIT, SIGN, DELIVERED);
        allow(DELIVERED, RETURN, RETURN_REQUESTED);
        allow(RETURN_REQUESTED, APPROVE_RETURN, RETURN_APPROVED);
        allow(RETURN_REQUESTED, REFUSE_RETURN, DELIVERED);
        allow(RETURN_APPROVED, RECEIVE_RETURN, RETURNED);
        allow(RETURN_APPROVED, RETURN_LAPSED, DELIVERED);
    }

    private static void allow(OrderStatus from, OrderEvent on, OrderStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(OrderEvent.class)).put(on, to);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus state : OrderStatus.values()) {
            for (OrderEvent event : OrderEvent.values()) {
                if (state == CANCELLING && event == REFUSE_CANCEL) {
                    for (OrderStatus before : OrderStatus.values()) {
                        OrderStatus back = before == DECLARED || before == CUSTOMS_ACCEPTED ? before : null;
                        pairs.add(Arguments.of(state, event, before, back));
                    }
                    continue;
                }
                OrderStatus to = TABLE.getOrDefault(state, Map.of()).get(event);
                pairs.add(Arguments.of(state, event, null, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {3} (before cancel: {2})")
    @MethodSource("everyPair")
    void eachEventLeadsWhereTheTableSaysOrIsRefused(
            OrderStatus state, OrderEvent event, OrderStatus beforeCancel, OrderStatus expected) {
        Optional<OrderStatus> next =
                LIFECYCLE.next(state, event, beforeCancel).toFuture().join();

        assertThat(next).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} --{1}--> {3} (before cancel: {2}), asked again")
    @MethodSource("everyPair")
    void aQuestionAskedAgainGetsTheSameAnswerWithoutBuildingAnotherMachine(
            OrderStatus state, OrderEvent event, OrderStatus beforeCancel, OrderStatus expected) {
        OrderLifecycle lifecycle = new OrderLifecycle();
        Optional<OrderStatus> first =
                lifecycle.next(state, event, beforeCancel).toFuture().join();
        long built = lifecycle.machinesBuilt();

        Optional<OrderStatus> again =
                lifecycle.next(state, event, beforeCancel).toFuture().join();

        assertThat(built).isEqualTo(1);
        assertThat(again).isEqualTo(first).isEqualTo(Optional.ofNullable(expected));
        assertThat(lifecycle.machinesBuilt()).isEqualTo(1);
    }
}
