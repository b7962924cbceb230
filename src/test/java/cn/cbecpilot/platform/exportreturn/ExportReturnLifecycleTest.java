package cn.cbecpilot.platform.exportreturn;

import static cn.cbecpilot.platform.exportreturn.domain.ReturnEvent.*;
import static cn.cbecpilot.platform.exportreturn.domain.ReturnStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.exportreturn.domain.ReturnEvent;
import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import cn.cbecpilot.platform.shared.Conflict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/** Every (state, event) pair of the export return against the table of DESIGN section 5. */
class ExportReturnLifecycleTest {

    private static final ExportReturnLifecycle LIFECYCLE = new ExportReturnLifecycle();

    private static final Map<ReturnStatus, Map<ReturnEvent, ReturnStatus>> TABLE = new EnumMap<>(ReturnStatus.class);

    static {
        allow(DRAFT, DECLARE, DECLARED);
        allow(DRAFT, EXPIRE, EXPIRED);
        allow(DECLARED, ACCEPT, ACCEPTED);
        allow(DECLARED, REVIEW, UNDER_REVIEW);
        allow(DECLARED, REJECT, REJECTED);
        allow(DECLARED, EXPIRE, EXPIRED);
        allow(ACCEPTED, REVIEW, UNDER_REVIEW);
        allow(ACCEPTED, REJECT, REJECTED);
        allow(ACCEPTED, TALLY, ARRIVED);
        allow(ACCEPTED, EXPIRE, EXPIRED);
        allow(UNDER_REVIEW, REJECT, REJECTED);
        allow(UNDER_REVIEW, TALLY, ARRIVED);
        allow(UNDER_REVIEW, EXPIRE, EXPIRED);
        allow(ARRIVED, RELEASE, RELEASED);
        allow(ARRIVED, REJECT, REJECTED);
        allow(REJECTED, REDECLARE, DECLARED);
        allow(RELEASED, RE_ENTER_DOMESTIC, RE_ENTERED_DOMESTIC);
        allow(RELEASED, STORE_BONDED, BONDED_STORAGE);
        allow(BONDED_STORAGE, CONSOLIDATE, CONSOLIDATED);
        allow(BONDED_STORAGE, REPAIR, REPAIRED);
        allow(BONDED_STORAGE, RELABEL, RELABELLED);
        allow(BONDED_STORAGE, RE_EXPORT, RE_EXPORTED);
        allow(CONSOLIDATED, REPAIR, REPAIRED);
        allow(CONSOLIDATED, RELABEL, RELABELLED);
        allow(CONSOLIDATED, RE_EXPORT, RE_EXPORTED);
        allow(REPAIRED, RELABEL, RELABELLED);
        allow(REPAIRED, RE_EXPORT, RE_EXPORTED);
        allow(RELABELLED, RE_EXPORT, RE_EXPORTED);
    }

    private static void allow(ReturnStatus from, ReturnEvent event, ReturnStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(ReturnEvent.class)).put(event, to);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ReturnStatus s : ReturnStatus.values()) {
            for (ReturnEvent e : ReturnEvent.values()) {
                pairs.add(Arguments.of(s, e, TABLE.getOrDefault(s, Map.of()).get(e)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("everyPair")
    void movesOrRefusesEveryEventInEveryState(ReturnStatus from, ReturnEvent event, ReturnStatus expected) {
        if (expected == null) {
            StepVerifier.create(LIFECYCLE.next(from, event))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(Conflict.class)
                            .hasMessageContaining(from.name())
                            .hasMessageContaining(event.name()))
                    .verify();
        } else {
            StepVerifier.create(LIFECYCLE.next(from, event))
                    .expectNext(expected)
                    .verifyComplete();
        }
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}, asked again")
    @MethodSource("everyPair")
    void aQuestionAskedAgainGetsTheSameAnswerWithoutBuildingAnotherMachine(
            ReturnStatus from, ReturnEvent event, ReturnStatus expected) {
        ExportReturnLifecycle lifecycle = new ExportReturnLifecycle();
        for (int time = 0; time < 2; time++) {
            if (expected == null) {
                StepVerifier.create(lifecycle.next(from, event))
                        .expectError(Conflict.class)
                        .verify();
            } else {
                StepVerifier.create(lifecycle.next(from, event))
                        .expectNext(expected)
                        .verifyComplete();
            }
            assertThat(lifecycle.machinesBuilt()).isEqualTo(1);
        }
    }

    @Test
    void finalStatesTakeNoEvent() {
        for (ReturnStatus end : List.of(EXPIRED, RE_ENTERED_DOMESTIC, RE_EXPORTED)) {
            assertThat(TABLE.get(end)).as(end.name()).isNull();
        }
    }
}
