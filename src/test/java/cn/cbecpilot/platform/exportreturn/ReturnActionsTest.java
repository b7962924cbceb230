package cn.cbecpilot.platform.exportreturn;

import static cn.cbecpilot.platform.exportreturn.domain.ReturnStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The buttons the export-return pages offer in each state, read from the lifecycle table. */
class ReturnActionsTest {

    private static ReturnActions actions;

    @BeforeAll
    static void readTheTable() {
        actions = ReturnActions.readFrom(new ExportReturnLifecycle()).block(Duration.ofSeconds(30));
    }

    @Test
    void offersTheTallyInEveryStateThatAllowsIt() {
        assertThat(statesWhere(actions::tally)).containsExactly(ACCEPTED, UNDER_REVIEW);
    }

    @Test
    void offersTheDisposalOnceReleasedAndTheRedeclarationOnceRejected() {
        assertThat(statesWhere(actions::dispose)).containsExactly(RELEASED);
        assertThat(statesWhere(actions::redeclare)).containsExactly(REJECTED);
    }

    @Test
    void offersOnlyTheBondedStepsThatFollowTheOneDone() {
        assertThat(actions.steps(BONDED_STORAGE))
                .containsExactly("consolidated", "repaired", "relabelled", "re-exported");
        assertThat(actions.steps(REPAIRED)).containsExactly("relabelled", "re-exported");
        assertThat(actions.steps(RELABELLED)).containsExactly("re-exported");
        assertThat(actions.any(RE_EXPORTED)).isFalse();
        assertThat(actions.any(DECLARED)).isFalse();
    }

    private static List<ReturnStatus> statesWhere(java.util.function.Predicate<ReturnStatus> allowed) {
        return Arrays.stream(ReturnStatus.values()).filter(allowed).toList();
    }
}
