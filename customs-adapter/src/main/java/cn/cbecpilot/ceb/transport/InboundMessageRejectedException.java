package cn.cbecpilot.ceb.transport;

/**
 * Thrown (or signalled) by an {@link InboundHandler} for a message that can never be processed, such
 * as unreadable XML, so that it is set aside instead of being offered again forever.
 */
public final class InboundMessageRejectedException extends RuntimeException {

    public InboundMessageRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public InboundMessageRejectedException(String reason) {
        super(reason);
    }
}
