package cn.cbecpilot.ceb.transport;

import java.util.Objects;

/**
 * What became of one inbound message in a poll.
 *
 * @param name the message's file name or id
 * @param disposition where it went
 * @param detail why, for anything but {@link Disposition#PROCESSED}
 */
public record ReceiptOutcome(String name, Disposition disposition, String detail) {

    public enum Disposition {
        /** The handler completed; the message is archived. */
        PROCESSED,
        /** The handler rejected it for good; the message is set aside. */
        FAILED,
        /** The handler or the transport failed; the message stays to be offered again. */
        KEPT
    }

    public ReceiptOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(detail, "detail");
    }

    static ReceiptOutcome processed(String name) {
        return new ReceiptOutcome(name, Disposition.PROCESSED, "");
    }

    static ReceiptOutcome failed(String name, Throwable why) {
        return new ReceiptOutcome(name, Disposition.FAILED, String.valueOf(why.getMessage()));
    }

    static ReceiptOutcome kept(String name, Throwable why) {
        return new ReceiptOutcome(name, Disposition.KEPT, why.getClass().getSimpleName() + ": " + why.getMessage());
    }
}
