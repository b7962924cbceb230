package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.trace.TraceCodeParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Goods of an approved return back in bond: every unit the order took out is scanned back, then its code is RETURNED,
 * held in bond but not sold again. Runs in the transaction of the RECEIVE_RETURN transition.
 */
@Component
class ReturnedGoods {

    private final UnitCodes codes;
    private final Clock clock;

    ReturnedGoods(UnitCodes codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    /** Refuses, with every reason, scans that are not exactly the order's units. */
    Mono<Void> check(String orderNo, List<String> scanned) {
        List<String> given = scanned == null ? List.of() : scanned;
        return codes.countBound(orderNo).flatMap(bound -> {
            if (given.size() != bound || new HashSet<>(given).size() != given.size()) {
                return Mono.error(InvalidInput.of(
                        "TRACE_CODE_COUNT",
                        "codes",
                        "the order took " + bound + " units out of bond: scan each of their codes once"));
            }
            List<TraceCodeParser.Result> read = PickCheck.read(given);
            List<FieldProblem> unreadable = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i) instanceof TraceCodeParser.Refused refused) {
                    unreadable.add(new FieldProblem(
                            refused.problem().name(),
                            "codes[" + i + "]",
                            "'" + given.get(i) + "' is no code: " + refused.reason()));
                }
            }
            if (!unreadable.isEmpty()) {
                return Mono.error(new InvalidInput(unreadable));
            }
            return Flux.fromIterable(read)
                    .concatMap(
                            r -> codes.byCode(r.orElseThrow()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                    .collectList()
                    .flatMap(found -> problems(orderNo, given, found).isEmpty()
                            ? Mono.empty()
                            : Mono.error(new InvalidInput(problems(orderNo, given, found))));
        });
    }

    /**
     * The units are back in bond as RETURNED: recorded and kept apart from the lots' sellable units, which they left
     * at picking and do not rejoin.
     */
    Mono<Void> receive(String orderNo) {
        return codes.event(orderNo, "RETURNED", "RETURNED", clock.instant());
    }

    private static List<FieldProblem> problems(
            String orderNo, List<String> scanned, List<Optional<UnitCodes.UnitCode>> found) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < scanned.size(); i++) {
            Optional<UnitCodes.UnitCode> code = found.get(i);
            if (code.isEmpty()
                    || !orderNo.equals(code.get().orderNo())
                    || !Set.of("OUT_OF_BOND", "IN_TRANSIT", "DELIVERED")
                            .contains(code.get().status())) {
                problems.add(new FieldProblem(
                        "TRACE_CODE_NOT_OF_ORDER",
                        "codes[" + i + "]",
                        "code " + scanned.get(i) + " is not a unit this order took out of bond"));
            }
        }
        return problems;
    }
}
