package cn.cbecpilot.ceb.transport;

import reactor.core.publisher.Mono;

/**
 * The caller's processing of one inbound message. A message counts as taken only when the returned
 * Mono completes; if it fails, the message stays where it was and comes again on a later poll, unless
 * the failure is an {@link InboundMessageRejectedException}.
 */
@FunctionalInterface
public interface InboundHandler {

    Mono<Void> handle(InboundMessage message);
}
