package cn.cbecpilot.platform.customs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Marks of receipts applied alone, written together a moment later: the single window pushes most receipts one to a
 * message, and a mark of its own would cost each of them one statement and one commit more. A receipt applied but not
 * marked yet is safe to apply again (each is applied at most once by guid), which is all that happens to it when its
 * mark is lost, in a crash or a failed write: {@link ParkedReceipts}, which leaves alone what arrived in the last second,
 * finds it unmarked, applies it again, changing nothing, and marks it.
 */
final class GatheredMarks {

    private static final Logger log = LoggerFactory.getLogger(GatheredMarks.class);

    /** How long a mark waits for others; well inside the second {@link ParkedReceipts} leaves a new receipt alone. */
    private static final Duration GATHERING = Duration.ofMillis(20);

    /** The most marks one write takes; those beyond it go in the next. */
    private static final int AT_MOST = 500;

    private final Queue<String> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Function<List<String>, Mono<Void>> write;

    /** {@code write} marks the receipts of the guids it is given applied. */
    GatheredMarks(Function<List<String>, Mono<Void>> write) {
        this.write = write;
    }

    /** The receipt is applied: its mark goes with the next write. */
    void add(String guid) {
        waiting.add(guid);
        writeSoon();
    }

    /** One write at a time: the next is planned when the last is done, if marks are waiting then. */
    private void writeSoon() {
        if (waiting.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        Mono.delay(GATHERING)
                .then(Mono.defer(() -> write.apply(taken())))
                .onErrorResume(e -> {
                    log.warn("Receipts applied but not marked, they will be retried as parked: {}", e.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    writing.set(false);
                    writeSoon();
                })
                .subscribe();
    }

    private List<String> taken() {
        List<String> guids = new ArrayList<>();
        String guid;
        while (guids.size() < AT_MOST && (guid = waiting.poll()) != null) {
            guids.add(guid);
        }
        return guids;
    }
}
