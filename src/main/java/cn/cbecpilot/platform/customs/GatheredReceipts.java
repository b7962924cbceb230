package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.ReceiptHandler;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.platform.database.Gathered;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Receipts that come one to a message, as the single window pushes most of them, handled together when they arrive
 * together: while one write is under way the receipts arriving meanwhile wait, and the next write takes all of them
 * as if they were the receipts of one message (one transaction stores them and moves their orders). A
 * receipt arriving alone goes at once, by itself, so gathering costs nothing when the platform is quiet; under load it
 * saves each receipt its own round trips and commit. Each caller is answered when its own receipt is stored and
 * applied (or parked). When a gathered write fails, each of its receipts is handled again alone and answered with its
 * own outcome, so one receipt's failure is never another's (storing and applying are idempotent by guid), those of
 * one declaration in arrival order and a few declarations at a time, so that one order locked elsewhere does not hold
 * up the others.
 */
final class GatheredReceipts {

    private static final Logger log = LoggerFactory.getLogger(GatheredReceipts.class);

    /** The most receipts one write takes, as many as a CEB622 message may hold; those beyond it go in the next. */
    static final int AT_MOST = 100;

    private final Gathered<Waiting> waiting = new Gathered<>(Duration.ZERO, AT_MOST, this::write);
    private final Function<List<Receipt>, Mono<Void>> together;
    private final Function<List<Receipt>, Mono<Void>> alone;

    /**
     * {@code together} stores and applies the receipts it is given as one message's, all of them or (failing) none;
     * {@code alone} handles a message of one receipt.
     */
    GatheredReceipts(Function<List<Receipt>, Mono<Void>> together, Function<List<Receipt>, Mono<Void>> alone) {
        this.together = together;
        this.alone = alone;
    }

    /** Handles the receipt with those waiting beside it; completes once it is stored and applied or parked. */
    Mono<Void> handle(Receipt receipt) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            waiting.add(new Waiting(receipt, done));
            return done.asMono();
        });
    }

    /** How many receipts wait for the write under way to finish. */
    int waiting() {
        return waiting.waiting();
    }

    private Mono<Void> write(List<Waiting> taken) {
        if (taken.size() == 1) {
            return alone(taken.get(0));
        }
        return Mono.defer(() ->
                        together.apply(taken.stream().map(Waiting::receipt).toList()))
                .doOnSuccess(ignored -> taken.forEach(w -> w.done().tryEmitEmpty()))
                .onErrorResume(e -> {
                    log.debug("{} receipts gathered are handled one by one: {}", taken.size(), e.toString());
                    return ReceiptHandler.inDeclarationOrder(
                                    taken, w -> w.receipt().copNo().orElse(""), this::alone)
                            .then();
                });
    }

    /** The receipt handled by itself, its caller answered with its outcome. */
    private Mono<Void> alone(Waiting w) {
        return Mono.defer(() -> alone.apply(List.of(w.receipt())))
                .doOnSuccess(ignored -> w.done().tryEmitEmpty())
                .onErrorResume(e -> {
                    w.done().tryEmitError(e);
                    return Mono.empty();
                });
    }

    private record Waiting(Receipt receipt, Sinks.Empty<Void> done) {}
}
