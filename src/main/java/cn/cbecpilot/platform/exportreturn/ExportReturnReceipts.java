package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.customs.CustomsReceipt;
import cn.cbecpilot.platform.customs.FormatFailures;
import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.exportreturn.domain.ReturnEvent;
import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Customs receipts of export returns: CEB214 (the return request) moves the return, CEB216 (the tally) is kept on its
 * timeline. A receipt is applied at most once by guid; one the current state does not take is stale and ignored, so
 * a lower stage never overwrites a later one, except a release that came before the tally, which waits for it.
 */
@Component
class ExportReturnReceipts implements ReceiptConsumer {

    private final ExportReturns returns;
    private final ExportLists lists;
    private final ReturnTransitions transitions;
    private final TransactionalOperator tx;
    private final Clock clock;

    ExportReturnReceipts(
            ExportReturns returns,
            ExportLists lists,
            ReturnTransitions transitions,
            TransactionalOperator tx,
            Clock clock) {
        this.returns = returns;
        this.lists = lists;
        this.transitions = transitions;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public boolean accepts(CustomsReceipt receipt) {
        return "CEB214".equals(receipt.messageType())
                || "CEB216".equals(receipt.messageType())
                || FormatFailures.refusedType(receipt)
                        .filter(t -> t.equals("CEB213") || t.equals("CEB215"))
                        .isPresent();
    }

    @Override
    public Mono<Boolean> apply(CustomsReceipt receipt) {
        return Mono.defer(() -> applyOnce(receipt).as(tx::transactional))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(5)).filter(ConcurrentChange.class::isInstance));
    }

    @Override
    public Flux<CustomsReceipt> applyTogether(List<CustomsReceipt> receipts) {
        return Flux.fromIterable(receipts)
                .concatMap(r -> applyOnce(r).filter(Boolean::booleanValue).map(known -> r));
    }

    private Mono<Boolean> applyOnce(CustomsReceipt receipt) {
        return returns.find(receipt.subjectNo())
                .flatMap(row -> returns.recordReceipt(
                                receipt.guid(),
                                row.returnNo(),
                                receipt.messageType(),
                                receipt.returnStatus(),
                                receipt.returnTime(),
                                clock.instant())
                        .flatMap(first -> first ? take(row, receipt) : Mono.empty())
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    private Mono<Void> take(ExportReturnRow row, CustomsReceipt receipt) {
        String detail = receipt.messageType() + " " + receipt.returnStatus() + " " + receipt.returnInfo();
        Optional<String> unreadable = FormatFailures.refusedType(receipt);
        if (unreadable.filter("CEB213"::equals).isPresent()) {
            // customs could not read the return at all: refused as a rejection is, to be corrected and declared again
            return transitions
                    .fire(row, ReturnEvent.REJECT, clip(detail))
                    .flatMap(moved -> lists.giveBackReturn(row.returnNo()))
                    .onErrorResume(ExportReturnReceipts::stale, e -> Mono.empty());
        }
        if ("CEB216".equals(receipt.messageType()) || unreadable.isPresent()) {
            return returns.appendHistory(
                    row.returnNo(),
                    row.status(),
                    row.status(),
                    (unreadable.isPresent() ? "TALLY_UNREADABLE_" : "TALLY_RECEIPT_") + receipt.returnStatus(),
                    clock.instant(),
                    clip(detail));
        }
        Optional<ReturnEvent> event = eventOf(receipt.returnStatus());
        if (event.isEmpty()) {
            return Mono.empty();
        }
        return transitions
                .fire(row, event.get(), clip(detail))
                .flatMap(moved -> moved.status() == ReturnStatus.REJECTED
                        ? lists.giveBackReturn(row.returnNo())
                        : Mono.<Void>empty())
                .onErrorResume(ExportReturnReceipts::stale, e -> early(row, event.get(), receipt));
    }

    /** A release before the tally is kept for the tally; any other event the state refuses is a stale receipt. */
    private Mono<Void> early(ExportReturnRow row, ReturnEvent event, CustomsReceipt receipt) {
        boolean beforeArrival = row.status() == ReturnStatus.ACCEPTED || row.status() == ReturnStatus.UNDER_REVIEW;
        return event == ReturnEvent.RELEASE && beforeArrival ? returns.keepPending(receipt.guid()) : Mono.empty();
    }

    private static boolean stale(Throwable e) {
        return e instanceof cn.cbecpilot.platform.shared.Conflict && !(e instanceof ConcurrentChange);
    }

    /** Negative codes are processing errors that end the submission, as a rejection does. */
    private static Optional<ReturnEvent> eventOf(String returnStatus) {
        return returnStatus.strip().startsWith("-")
                ? Optional.of(ReturnEvent.REJECT)
                : ReturnEvent.ofRefundReceipt(returnStatus);
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
