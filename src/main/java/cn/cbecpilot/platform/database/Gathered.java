package cn.cbecpilot.platform.database;

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
import reactor.core.publisher.Sinks;

/**
 * Items written together, one write at a time: an item added while a write is under way waits for it, and the next
 * write, started when the last is done (after a pause for more to come, if any), takes all that wait then, up to a
 * limit. Under load, many items share one statement and one commit; an item arriving alone goes at once (with no
 * pause), so a quiet platform waits for nothing. The write answers for its items: an item {@linkplain #add added} is
 * not waited for, and a failure is logged; one {@linkplain #written written} is answered when its write is done, with
 * the write's failure if it failed. The next write goes on either way.
 */
public final class Gathered<T> {

    private static final Logger log = LoggerFactory.getLogger(Gathered.class);

    private final Queue<Waiting<T>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Duration pause;
    private final int atMost;
    private final Function<List<T>, Mono<Void>> write;

    /**
     * {@code write} writes the items it is given, at most {@code atMost} of them, {@code pause} after the first of
     * them waits ({@link Duration#ZERO}: at once).
     */
    public Gathered(Duration pause, int atMost, Function<List<T>, Mono<Void>> write) {
        this.pause = pause;
        this.atMost = atMost;
        this.write = write;
    }

    /** The item goes with the next write; nobody waits for it. */
    public void add(T item) {
        waiting.add(new Waiting<>(item, null));
        writeSoon();
    }

    /** The item goes with the next write; completes when that write is done, or fails as it failed. */
    public Mono<Void> written(T item) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            waiting.add(new Waiting<>(item, done));
            writeSoon();
            return done.asMono();
        });
    }

    /** How many items wait for the next write. */
    public int waiting() {
        return waiting.size();
    }

    private void writeSoon() {
        if (waiting.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        (pause.isZero() ? Mono.<Long>empty() : Mono.delay(pause))
                .then(Mono.defer(() -> {
                    List<Waiting<T>> taken = taken();
                    return write.apply(taken.stream().map(Waiting::item).toList())
                            .doOnSuccess(ignored -> taken.forEach(Waiting::done))
                            .doOnError(e -> taken.forEach(w -> w.failed(e)));
                }))
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

    private List<Waiting<T>> taken() {
        List<Waiting<T>> taken = new ArrayList<>();
        Waiting<T> item;
        while (taken.size() < atMost && (item = waiting.poll()) != null) {
            taken.add(item);
        }
        return taken;
    }

    /** An item and, when someone waits for it, how to answer them. */
    private record Waiting<T>(T item, Sinks.Empty<Void> answer) {

        void done() {
            if (answer != null) {
                answer.tryEmitEmpty();
            }
        }

        void failed(Throwable e) {
            if (answer != null) {
                answer.tryEmitError(e);
            }
        }
    }
}
