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
 * Items written together, one write at a time: an item added while a write is under way waits for it, and the next
 * write, started when the last is done (after a pause for more to come, if any), takes all that wait then, up to a
 * limit. The write answers for its items; a failure it lets through is logged and the next write goes on.
 */
final class Gathered<T> {

    private static final Logger log = LoggerFactory.getLogger(Gathered.class);

    private final Queue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Duration pause;
    private final int atMost;
    private final Function<List<T>, Mono<Void>> write;

    /**
     * {@code write} writes the items it is given, at most {@code atMost} of them, {@code pause} after the first of
     * them waits ({@link Duration#ZERO}: at once).
     */
    Gathered(Duration pause, int atMost, Function<List<T>, Mono<Void>> write) {
        this.pause = pause;
        this.atMost = atMost;
        this.write = write;
    }

    /** The item goes with the next write. */
    void add(T item) {
        waiting.add(item);
        writeSoon();
    }

    /** How many items wait for the next write. */
    int waiting() {
        return waiting.size();
    }

    private void writeSoon() {
        if (waiting.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        (pause.isZero() ? Mono.<Long>empty() : Mono.delay(pause))
                .then(Mono.defer(() -> write.apply(taken())))
                .onErrorResume(e -> {
                    log.warn("A gathered write failed: {}", e.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    writing.set(false);
                    writeSoon();
                })
                .subscribe();
    }

    private List<T> taken() {
        List<T> taken = new ArrayList<>();
        T item;
        while (taken.size() < atMost && (item = waiting.poll()) != null) {
            taken.add(item);
        }
        return taken;
    }
}
