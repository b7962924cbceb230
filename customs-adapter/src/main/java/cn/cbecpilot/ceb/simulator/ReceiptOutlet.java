package cn.cbecpilot.ceb.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends receipts when their time comes: pushed to the callback with the bearer token and/or put in
 * the poll queue. One thread keeps the time and hands each due receipt to one of several sending lanes, chosen by the
 * declaration the receipt answers, so receipts of one declaration keep their order (120 before 800) while those of
 * different declarations go out side by side, as the real single window answers many enterprises at once.
 * A push that fails is tried twice more, then only the queue (if any) still has it.
 */
final class ReceiptOutlet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptOutlet.class);
    private static final int PUSH_ATTEMPTS = 3;
    private static final Duration PUSH_BACKOFF = Duration.ofMillis(500);

    private final SimulatorSettings settings;
    private final ReceiptQueue queue;
    static final int LANES = 8;

    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final HttpClient http;

    ReceiptOutlet(SimulatorSettings settings, ReceiptQueue queue) {
        this.settings = settings;
        this.queue = queue;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "single-window-receipts");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < LANES; i++) {
            int lane = i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "single-window-receipts-" + lane);
                thread.setDaemon(true);
                return thread;
            });
        }
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * Sends the receipt after the delay, in order with the other receipts of the same {@code declaration} (its copNo or
     * message id); {@code push} false drops the push, as a lost connection would, and leaves only the poll queue. A
     * receipt that would go nowhere (its push dropped or no callback, and no poll queue) is not kept for its delay.
     */
    void sendLater(String declaration, byte[] envelope, Duration delay, boolean push) {
        if (!settings.queueReceipts() && !(push && settings.callbackUrl().isPresent())) {
            return;
        }
        ExecutorService lane = lanes[Math.floorMod(java.util.Objects.hashCode(declaration), LANES)];
        scheduler.schedule(
                () -> lane.execute(() -> send(lane, envelope, push)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(ExecutorService lane, byte[] envelope, boolean push) {
        if (settings.queueReceipts()) {
            queue.add(envelope);
        }
        if (push) {
            settings.callbackUrl().ifPresent(url -> push(lane, url, envelope, 1));
        }
    }

    private void push(ExecutorService lane, URI url, byte[] envelope, int attempt) {
        Optional<String> failure = post(url, envelope);
        if (failure.isEmpty()) {
            return;
        }
        if (attempt < PUSH_ATTEMPTS) {
            try {
                scheduler.schedule(
                        () -> lane.execute(() -> push(lane, url, envelope, attempt + 1)),
                        PUSH_BACKOFF.toMillis() * attempt,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                log.debug("simulator closed; receipt push to {} not retried", url);
            }
        } else {
            log.warn("receipt push to {} failed {} times, last: {}", url, attempt, failure.get());
        }
    }

    private Optional<String> post(URI url, byte[] envelope) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/xml")
                .header("Authorization", "Bearer " + settings.callbackToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** How many receipts wait for their time. */
    int waiting() {
        return scheduler.getQueue().size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }
}
