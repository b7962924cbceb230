package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.message.CebRequest;
import reactor.core.publisher.Mono;

/** Builds the CEB message an outbox request stands for, from its subject as it is now. */
interface OutboxRenderer {

    boolean renders(String subjectKind, String messageType);

    /**
     * The message; an error when the subject is gone or cannot be declared (the request is then set aside),
     * {@link NotYetRenderable} when a number it needs is still to come (held), or {@link RequestWithdrawn} when it has
     * become pointless (dropped).
     */
    Mono<CebRequest> render(OutboxRequest request);
}
