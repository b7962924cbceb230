package cn.cbecpilot.ceb.gateway;

import cn.cbecpilot.ceb.message.Receipt;
import reactor.core.publisher.Mono;

/**
 * The platform's processing of one receipt. Receipts come at least once and out of order: apply each
 * at most once (by message guid and receipt) and never let a lower stage overwrite a later one. A
 * failed Mono leaves the message where it came from (inbox file, poll queue) to come again.
 */
@FunctionalInterface
public interface ReceiptHandler {

    Mono<Void> handle(Receipt receipt);
}
