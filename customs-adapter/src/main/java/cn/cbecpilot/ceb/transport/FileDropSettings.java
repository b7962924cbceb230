package cn.cbecpilot.ceb.transport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The folders an e-port client shares with us.
 *
 * @param outbox where outbound messages are dropped for the client to send
 * @param inbox where the client leaves receipts
 * @param processed where receipts go once handled
 * @param failed where receipts go that the handler rejected for good
 * @param maxBatch how many receipts one poll takes at most, oldest first
 */
public record FileDropSettings(Path outbox, Path inbox, Path processed, Path failed, int maxBatch) {

    public FileDropSettings {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(processed, "processed");
        Objects.requireNonNull(failed, "failed");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        if (inbox.equals(processed) || inbox.equals(failed) || inbox.equals(outbox)) {
            throw new IllegalArgumentException("inbox must differ from outbox, processed and failed");
        }
    }

    /** {@code outbox/}, {@code inbox/}, {@code processed/} and {@code failed/} under one root. */
    public static FileDropSettings under(Path root) {
        return new FileDropSettings(
                root.resolve("outbox"), root.resolve("inbox"), root.resolve("processed"), root.resolve("failed"), 100);
    }
}
