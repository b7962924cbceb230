package cn.cbecpilot.platform.exportreturn;

import static cn.cbecpilot.platform.exportreturn.domain.ReturnStatus.*;

import cn.cbecpilot.platform.exportreturn.domain.ReturnEvent;
import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import cn.cbecpilot.platform.shared.Conflict;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The export return's transition table, held by Spring Statemachine behind this one class so that callers never see
 * it. The factory is built once; a question gets a fresh machine reset to the persisted state, since machines are not
 * thread-safe. The machine has no actions or guards: rules and I/O happen around it, never inside; so a (state,
 * event) question has one answer for ever, and each is put to a machine once and remembered.
 */
@Component
public class ExportReturnLifecycle {

    /** Before arrival, customs may still change its mind; these are the states its receipts move between. */
    private static final List<ReturnStatus> IN_CUSTOMS = List.of(DECLARED, ACCEPTED, UNDER_REVIEW);

    private static final List<ReturnStatus> IN_BOND = List.of(BONDED_STORAGE, CONSOLIDATED, REPAIRED, RELABELLED);

    private final StateMachineFactory<ReturnStatus, ReturnEvent> factory;
    private final Map<Question, Optional<ReturnStatus>> answers = new ConcurrentHashMap<>();

    private final AtomicLong machines = new AtomicLong();

    private record Question(ReturnStatus from, ReturnEvent event) {}

    ExportReturnLifecycle() {
        this.factory = build();
    }

    /** The state the event leads to from {@code from}, or a {@link Conflict} naming the state that refuses it. */
    public Mono<ReturnStatus> next(ReturnStatus from, ReturnEvent event) {
        Question question = new Question(from, event);
        Optional<ReturnStatus> known = answers.get(question);
        Mono<Optional<ReturnStatus>> answer =
                known != null ? Mono.just(known) : ask(from, event).doOnNext(a -> answers.putIfAbsent(question, a));
        return answer.flatMap(to -> to.map(Mono::just)
                .orElseGet(() ->
                        Mono.error(new Conflict("the export return is " + from + ", which does not allow " + event))));
    }

    /** How many machines were built to answer questions: once per distinct question. */
    long machinesBuilt() {
        return machines.get();
    }

    private Mono<Optional<ReturnStatus>> ask(ReturnStatus from, ReturnEvent event) {
        return Mono.defer(() -> {
            StateMachine<ReturnStatus, ReturnEvent> machine =
                    factory.getStateMachine(new UUID(0L, machines.incrementAndGet()));
            return machine.getStateMachineAccessor()
                    .withRegion()
                    .resetStateMachineReactively(new DefaultStateMachineContext<>(from, null, null, null))
                    .then(machine.startReactively())
                    .thenMany(machine.sendEvent(
                            Mono.just(MessageBuilder.withPayload(event).build())))
                    .next()
                    .map(result -> result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED
                            ? Optional.of(machine.getState().getId())
                            : Optional.<ReturnStatus>empty())
                    .flatMap(to -> machine.stopReactively().thenReturn(to));
        });
    }

    private static StateMachineFactory<ReturnStatus, ReturnEvent> build() {
        try {
            StateMachineBuilder.Builder<ReturnStatus, ReturnEvent> builder = StateMachineBuilder.builder();
            // the lifecycle table test covers every (state, event) pair, which is what the verifier would check
            builder.configureConfiguration()
                    .withConfiguration()
                    .autoStartup(false)
                    .and()
                    .withVerifier()
                    .enabled(false);
            builder.configureStates().withStates().initial(DRAFT).states(EnumSet.allOf(ReturnStatus.class));
            var t = builder.configureTransitions();
            transition(t, DRAFT, ReturnEvent.DECLARE, DECLARED);
            transition(t, DECLARED, ReturnEvent.ACCEPT, ACCEPTED);
            for (ReturnStatus s : List.of(DECLARED, ACCEPTED)) {
                transition(t, s, ReturnEvent.REVIEW, UNDER_REVIEW);
            }
            for (ReturnStatus s : IN_CUSTOMS) {
                transition(t, s, ReturnEvent.REJECT, REJECTED);
            }
            transition(t, ARRIVED, ReturnEvent.REJECT, REJECTED);
            // customs ended that submission; a corrected one may follow (appType 2), as for an import list
            transition(t, REJECTED, ReturnEvent.REDECLARE, DECLARED);
            for (ReturnStatus s : List.of(ACCEPTED, UNDER_REVIEW)) {
                transition(t, s, ReturnEvent.TALLY, ARRIVED);
            }
            transition(t, ARRIVED, ReturnEvent.RELEASE, RELEASED);
            transition(t, RELEASED, ReturnEvent.RE_ENTER_DOMESTIC, RE_ENTERED_DOMESTIC);
            transition(t, RELEASED, ReturnEvent.STORE_BONDED, BONDED_STORAGE);
            transition(t, BONDED_STORAGE, ReturnEvent.CONSOLIDATE, CONSOLIDATED);
            for (ReturnStatus s : List.of(BONDED_STORAGE, CONSOLIDATED)) {
                transition(t, s, ReturnEvent.REPAIR, REPAIRED);
            }
            for (ReturnStatus s : List.of(BONDED_STORAGE, CONSOLIDATED, REPAIRED)) {
                transition(t, s, ReturnEvent.RELABEL, RELABELLED);
            }
            for (ReturnStatus s : IN_BOND) {
                transition(t, s, ReturnEvent.RE_EXPORT, RE_EXPORTED);
            }
            for (ReturnStatus s : List.of(DRAFT, DECLARED, ACCEPTED, UNDER_REVIEW)) {
                transition(t, s, ReturnEvent.EXPIRE, EXPIRED);
            }
            return builder.createFactory();
        } catch (Exception e) {
            throw new IllegalStateException("the export return lifecycle could not be built", e);
        }
    }

    private static void transition(
            org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer<ReturnStatus, ReturnEvent>
                    t,
            ReturnStatus from,
            ReturnEvent event,
            ReturnStatus to)
            throws Exception {
        t.withExternal().source(from).target(to).event(event);
    }
}
