package cn.cbecpilot.ceb.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Collects receipt files the e-port client leaves in the inbox. A file leaves the inbox only after the
 * handler's Mono completed (to {@code processed/}) or rejected it for good (to {@code failed/}): a
 * crash or a handler failure in between leaves it in place for the next poll, so receipts are handled
 * at least once and callers must be idempotent (the platform applies each receipt guid once).
 * Polls of one instance never overlap; one inbox must not be shared by several pollers.
 */
public final class FileDropInbox implements ReceiptSource {

    private final FileDropSettings settings;
    private final AtomicBoolean polling = new AtomicBoolean();

    public FileDropInbox(FileDropSettings settings) {
        this.settings = settings;
    }

    @Override
    public Flux<ReceiptOutcome> poll(InboundHandler handler) {
        return Flux.defer(() -> {
            if (!polling.compareAndSet(false, true)) {
                return Flux.empty();
            }
            return Mono.fromCallable(this::waitingFiles)
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMapMany(Flux::fromIterable)
                    .concatMap(file -> take(file, handler))
                    .doFinally(signal -> polling.set(false));
        });
    }

    /** Polls now and then every {@code interval}, skipping ticks while a poll is still running. */
    public Flux<ReceiptOutcome> watch(Duration interval, InboundHandler handler) {
        return Flux.interval(Duration.ZERO, interval).onBackpressureDrop().concatMap(tick -> poll(handler), 1);
    }

    private Mono<ReceiptOutcome> take(Path file, InboundHandler handler) {
        String name = file.getFileName().toString();
        return Mono.fromCallable(() -> InboundFiles.read(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(message -> Mono.defer(() -> handler.handle(message)).then(Mono.just(message)))
                .flatMap(message -> archive(file, settings.processed()).thenReturn(ReceiptOutcome.processed(name)))
                .onErrorResume(InboundMessageRejectedException.class, rejected -> archive(file, settings.failed())
                        .thenReturn(ReceiptOutcome.failed(name, rejected)))
                .onErrorResume(failure -> Mono.just(ReceiptOutcome.kept(name, failure)));
    }

    private Mono<Void> archive(Path file, Path folder) {
        return Mono.<Void>fromCallable(() -> {
                    InboundFiles.moveInto(file, folder);
                    return null;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private List<Path> waitingFiles() throws IOException {
        if (!Files.isDirectory(settings.inbox())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.inbox())) {
            return files.filter(InboundFiles::isReceiptFile)
                    .sorted(Comparator.comparing(InboundFiles::lastModified).thenComparing(Path::getFileName))
                    .limit(settings.maxBatch())
                    .toList();
        }
    }
}
