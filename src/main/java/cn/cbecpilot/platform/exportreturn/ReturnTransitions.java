package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ReturnEvent;
import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import cn.cbecpilot.platform.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One step of a return's lifecycle inside the caller's transaction: the table decides the next state, the row moves
 * there only if nobody moved it since it was read (optimistic lock), and the step lands on the return's timeline.
 */
@Component
class ReturnTransitions {

    private final ExportReturnLifecycle lifecycle;
    private final ExportReturns returns;
    private final Clock clock;

    ReturnTransitions(ExportReturnLifecycle lifecycle, ExportReturns returns, Clock clock) {
        this.lifecycle = lifecycle;
        this.returns = returns;
        this.clock = clock;
    }

    Mono<ExportReturnRow> open(String returnNo) {
        return returns.find(returnNo).switchIfEmpty(Mono.error(() -> new NotFound("no export return " + returnNo)));
    }

    /** Answers the return in its new state; a {@code Conflict} when the state does not allow the event. */
    Mono<ExportReturnRow> fire(ExportReturnRow row, ReturnEvent event, String detail) {
        Instant now = clock.instant();
        return lifecycle.next(row.status(), event).flatMap(to -> moveTo(row, to, event, detail, now));
    }

    private Mono<ExportReturnRow> moveTo(
            ExportReturnRow row, ReturnStatus to, ReturnEvent event, String detail, Instant now) {
        return returns.changeStatus(row.returnNo(), row.status(), row.version(), to, now)
                .flatMap(moved -> moved
                        ? returns.appendHistory(row.returnNo(), row.status(), to, event.name(), now, detail)
                                .then(returns.find(row.returnNo()))
                        : Mono.error(new ConcurrentChange(row.returnNo())));
    }
}
