package cn.cbecpilot.ceb.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receipts waiting to be polled, oldest first. A fetched receipt is leased, hidden from further polls
 * for a while; acknowledged it is gone, otherwise it shows again once the lease runs out, so a poller
 * that crashes before acknowledging loses nothing.
 */
final class ReceiptQueue {

    record Entry(String id, byte[] body) {}

    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Duration lease;
    private final Clock clock;

    private static final class Waiting {
        final byte[] body;
        Instant hiddenUntil = Instant.MIN;

        Waiting(byte[] body) {
            this.body = body;
        }
    }

    ReceiptQueue(Duration lease, Clock clock) {
        this.lease = lease;
        this.clock = clock;
    }

    synchronized void add(byte[] body) {
        waiting.put("r" + ids.incrementAndGet(), new Waiting(body));
    }

    synchronized Optional<Entry> lease() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Waiting>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Waiting> e = it.next();
            if (!e.getValue().hiddenUntil.isAfter(now)) {
                e.getValue().hiddenUntil = now.plus(lease);
                return Optional.of(new Entry(e.getKey(), e.getValue().body));
            }
        }
        return Optional.empty();
    }

    synchronized boolean acknowledge(String id) {
        return waiting.remove(id) != null;
    }

    synchronized int size() {
        return waiting.size();
    }
}
