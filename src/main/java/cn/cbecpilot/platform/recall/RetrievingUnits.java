package cn.cbecpilot.platform.recall;

import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.shared.NotFound;
import cn.cbecpilot.platform.trace.TraceCode;
import cn.cbecpilot.platform.trace.TraceCodes;
import cn.cbecpilot.platform.trace.TraceEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Counts recalled units taken back, by their codes: each must be a unit of the campaign; one retrieved before is
 * counted once. All or nothing.
 */
@Service
class RetrievingUnits {

    private final Recalls recalls;
    private final RecallViews views;
    private final TraceCodes codes;
    private final TransactionalOperator tx;
    private final Clock clock;

    RetrievingUnits(Recalls recalls, RecallViews views, TraceCodes codes, TransactionalOperator tx, Clock clock) {
        this.recalls = recalls;
        this.views = views;
        this.codes = codes;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<RecallApi.Retrieved> retrieve(String recallNo, List<String> inputs) {
        ScannedCodes scanned = ScannedCodes.read(inputs);
        Set<String> keys = new LinkedHashSet<>();
        scanned.read().values().forEach(c -> keys.add(c.key()));
        return recalls.idOf(recallNo)
                .switchIfEmpty(Mono.error(() -> new NotFound("no recall " + recallNo)))
                .flatMap(id -> recalls.units(id, keys)
                        .flatMap(units -> mark(id, recallNo, scanned, units))
                        .as(tx::transactional))
                .flatMap(counts -> views.summary(recallNo)
                        .map(s -> new RecallApi.Retrieved(recallNo, counts[0], counts[1], s.progress())));
    }

    /** Answers {newly retrieved, retrieved before}. */
    private Mono<int[]> mark(long recallId, String recallNo, ScannedCodes scanned, Map<String, Recalls.Unit> units) {
        List<FieldProblem> problems = new ArrayList<>(scanned.problems());
        Set<Long> newly = new LinkedHashSet<>();
        Set<Long> before = new LinkedHashSet<>();
        scanned.read().forEach((index, code) -> {
            Recalls.Unit unit = units.get(code.key());
            if (unit == null || !code.isLabel(unit.raw())) {
                problems.add(notInRecall(index, code, recallNo));
            } else {
                (unit.retrieved() ? before : newly).add(unit.codeId());
            }
        });
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidInput(problems));
        }
        Instant now = clock.instant();
        return recalls.markRetrieved(recallId, newly, now)
                .then(codes.record(newly, TraceEventType.RETRIEVED, now, "recall " + recallNo))
                .thenReturn(new int[] {newly.size(), before.size()});
    }

    private static FieldProblem notInRecall(int index, TraceCode code, String recallNo) {
        return new FieldProblem(
                "NOT_IN_RECALL", "codes[" + index + "]", code.canonical() + " is not a unit of recall " + recallNo);
    }
}
