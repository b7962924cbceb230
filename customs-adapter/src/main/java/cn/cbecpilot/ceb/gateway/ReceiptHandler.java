package cn.cbecpilot.ceb.gateway;

import cn.cbecpilot.ceb.message.Receipt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The platform's processing of receipts. Receipts come at least once and out of order: apply each
 * at most once (by message guid and receipt) and never let a lower stage overwrite a later one. A
 * failed Mono leaves the message where it came from (inbox file, poll queue) to come again.
 */
@FunctionalInterface
public interface ReceiptHandler {

    /** Declarations of one message whose receipts are handled at the same time. */
    int DECLARATIONS_AT_ONCE = 4;

    Mono<Void> handle(Receipt receipt);

    /**
     * Handles the receipts of one message, in {@link #inDeclarationOrder} by {@link #handle}; emits each once
     * handled. A handler that can take a message's receipts together (one write for all of them) overrides it.
     */
    default Flux<Receipt> handleAll(List<Receipt> receipts) {
        return inDeclarationOrder(
                receipts, r -> r.copNo().orElse(""), r -> handle(r).thenReturn(r));
    }

    /**
     * Runs {@code each} over the items of one message: those of one declaration one after the other in document
     * order, those of different declarations up to {@value #DECLARATIONS_AT_ONCE} at a time; items without a
     * declaration (an empty key) one after the other.
     */
    static <T, R> Flux<R> inDeclarationOrder(
            List<T> items, Function<T, String> declaration, Function<T, ? extends Publisher<R>> each) {
        Map<String, List<T>> byDeclaration = new LinkedHashMap<>();
        for (T item : items) {
            byDeclaration
                    .computeIfAbsent(declaration.apply(item), k -> new ArrayList<>())
                    .add(item);
        }
        return Flux.fromIterable(byDeclaration.values())
                .flatMap(inOrder -> Flux.fromIterable(inOrder).concatMap(each), DECLARATIONS_AT_ONCE);
    }
}
