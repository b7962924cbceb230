package cn.cbecpilot.platform.customs;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A lifecycle that takes customs receipts of some message types (the import order, the export return). The intake
 * stores every receipt and hands it to the consumer that accepts its type: a receipt pushed alone first to {@link
 * #applyAndKeep}, which may keep it with its move; any other stored first, or in the transaction that applies it.
 */
public interface ReceiptConsumer {

    /**
     * Whether the receipt concerns this consumer: by its CEB message type (e.g. {@code CEB622}), and for a CEB900 by
     * the type of the request it refuses ({@link FormatFailures#refusedType}).
     */
    boolean accepts(CustomsReceipt receipt);

    /**
     * Applies the receipt to its subject at most once (by guid) and never lets a lower stage overwrite a later one.
     *
     * @return {@code true} when the subject is known (applied, or a duplicate or stale receipt ignored), {@code false}
     *     when no subject has that number yet, so that the intake parks the receipt and retries it later
     */
    Mono<Boolean> apply(CustomsReceipt receipt);

    /**
     * {@link #apply} for a receipt pushed alone and not stored yet, when all it does is move its subject, go on its
     * timeline or set what it assesses: that, the receipt's record and the receipt kept ({@link KeptReceipts}) in one
     * statement, so one commit. Does nothing for anything else (a subject not known, a receipt applied before or with
     * effects besides, a subject changed meanwhile), and then the intake stores the receipt and applies it with {@link
     * #apply}.
     *
     * @return {@code true} when the receipt is applied and kept, {@code false} when nothing was done
     */
    default Mono<Boolean> applyAndKeep(CustomsReceipt receipt) {
        return Mono.just(false);
    }

    /**
     * {@link #apply} for the receipts of one message this consumer accepts, in document order, within the caller's
     * transaction and without retrying: a change made meanwhile by someone else fails it, and so does a receipt that
     * would hold rows other orders need (stock given back) until the whole message commits. The caller then rolls the
     * message back and applies its receipts one by one with {@link #apply}.
     *
     * @return the receipts whose subject is known (applied, or a duplicate or stale receipt ignored); the others are
     *     to be parked
     */
    Flux<CustomsReceipt> applyTogether(List<CustomsReceipt> receipts);
}
