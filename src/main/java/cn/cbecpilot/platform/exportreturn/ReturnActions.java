package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ReturnEvent;
import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import cn.cbecpilot.platform.shared.Conflict;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operator's actions the lifecycle table allows in each state, as the pages ask for them: a button shows exactly
 * where its event would be accepted, so the pages cannot drift from the table.
 */
record ReturnActions(Map<ReturnStatus, Set<ReturnEvent>> allowed) {

    /** The bonded steps as their URLs name them, in the order the goods go through them. */
    private static final Map<ReturnEvent, String> STEPS = steps();

    ReturnActions {
        allowed = Map.copyOf(allowed);
    }

    /** Asks the table about every (state, event) pair; the answers hold as long as the application runs. */
    static Mono<ReturnActions> readFrom(ExportReturnLifecycle lifecycle) {
        return Flux.fromArray(ReturnStatus.values())
                .concatMap(status -> Flux.fromArray(ReturnEvent.values())
                        .filterWhen(event ->
                                lifecycle.next(status, event).hasElement().onErrorReturn(Conflict.class, false))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReturnEvent.class)))
                        .map(events -> Map.entry(status, (Set<ReturnEvent>) events)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(ReturnActions::new);
    }

    public boolean tally(ReturnStatus status) {
        return allows(status, ReturnEvent.TALLY);
    }

    public boolean dispose(ReturnStatus status) {
        return allows(status, ReturnEvent.RE_ENTER_DOMESTIC) || allows(status, ReturnEvent.STORE_BONDED);
    }

    public boolean redeclare(ReturnStatus status) {
        return allows(status, ReturnEvent.REDECLARE);
    }

    /** The bonded steps the state allows, as {@code /steps/{step}} names them. */
    public List<String> steps(ReturnStatus status) {
        return STEPS.entrySet().stream()
                .filter(e -> allows(status, e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    public boolean any(ReturnStatus status) {
        return tally(status)
                || dispose(status)
                || redeclare(status)
                || !steps(status).isEmpty();
    }

    private boolean allows(ReturnStatus status, ReturnEvent event) {
        return allowed.getOrDefault(status, Set.of()).contains(event);
    }

    private static Map<ReturnEvent, String> steps() {
        Map<ReturnEvent, String> steps = new LinkedHashMap<>();
        steps.put(ReturnEvent.CONSOLIDATE, "consolidated");
        steps.put(ReturnEvent.REPAIR, "repaired");
        steps.put(ReturnEvent.RELABEL, "relabelled");
        steps.put(ReturnEvent.RE_EXPORT, "re-exported");
        return steps;
    }
}
