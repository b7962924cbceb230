package cn.cbecpilot.ceb.transport;

import cn.cbecpilot.ceb.transport.DeliveryUnavailableException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers by writing {@code <messageType>_<guid>.xml} into the outbox the e-port client sends from.
 * Each file is written under a hidden temporary name, flushed to disk and then renamed atomically, so
 * the client never picks up half a message. Delivering the same guid again replaces a copy the client
 * has not collected yet.
 */
public final class FileDropOutbox implements CustomsTransport {

    private final Path outbox;
    private final Clock clock;

    public FileDropOutbox(FileDropSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public FileDropOutbox(FileDropSettings settings, Clock clock) {
        this.outbox = settings.outbox();
        this.clock = clock;
    }

    static String fileName(OutboundMessage message) {
        return message.messageType() + "_" + message.guid() + ".xml";
    }

    @Override
    public Mono<DeliveryReceipt> deliver(OutboundMessage message) {
        return Mono.fromCallable(() -> write(message))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(
                        IOException.class,
                        e -> DeliveryUnavailableException.of(message.guid(), Reason.TRANSPORT_FAULT, e));
    }

    private DeliveryReceipt write(OutboundMessage message) throws IOException {
        Files.createDirectories(outbox);
        String name = fileName(message);
        // Same folder, so the rename cannot cross file systems and stays atomic.
        Path temp = Files.createTempFile(outbox, "." + name + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(message.payloadView());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new DeliveryReceipt(message.guid(), clock.instant(), name);
    }
}
