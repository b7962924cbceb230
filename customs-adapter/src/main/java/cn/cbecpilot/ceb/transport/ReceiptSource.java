package cn.cbecpilot.ceb.transport;

import reactor.core.publisher.Flux;

/** Where receipts wait to be collected. */
public interface ReceiptSource {

    /**
     * Collects what is waiting now, hands the messages to the handler one at a time and reports what
     * became of each. Completes when nothing more is waiting.
     */
    Flux<ReceiptOutcome> poll(InboundHandler handler);
}
