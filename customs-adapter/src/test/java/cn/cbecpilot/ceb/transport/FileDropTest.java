package cn.cbecpilot.ceb.transport;

import static cn.cbecpilot.ceb.transport.TransportFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.transport.ReceiptOutcome.Disposition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class FileDropTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private FileDropSettings settings;
    private FileDropOutbox outbox;
    private FileDropInbox inbox;
    private final List<InboundMessage> handled = new CopyOnWriteArrayList<>();
    private final InboundHandler recording = message -> Mono.fromRunnable(() -> handled.add(message));

    @BeforeEach
    void folders() {
        settings = FileDropSettings.under(root);
        outbox = new FileDropOutbox(settings);
        inbox = new FileDropInbox(settings);
    }

    @Test
    void outboxHoldsTheMessageUnderTypeAndGuidWithNoTemporaryFileLeft() throws IOException {
        OutboundMessage message = message();

        StepVerifier.create(outbox.deliver(message))
                .assertNext(receipt ->
                        assertThat(receipt.reference()).isEqualTo("CEB621Message_" + message.guid() + ".xml"))
                .expectComplete()
                .verify(BOUND);

        assertThat(names(settings.outbox())).containsExactly("CEB621Message_" + message.guid() + ".xml");
        assertThat(settings.outbox().resolve("CEB621Message_" + message.guid() + ".xml"))
                .hasBinaryContent(message.payload());
    }

    @Test
    void deliveringTheSameGuidAgainReplacesTheUncollectedCopy() throws IOException {
        OutboundMessage first = message();
        OutboundMessage again = new OutboundMessage(first.messageType(), first.guid(), bytes("<corrected/>"));

        StepVerifier.create(outbox.deliver(first).then(outbox.deliver(again)))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);

        assertThat(names(settings.outbox())).hasSize(1);
        assertThat(settings.outbox().resolve(FileDropOutbox.fileName(first))).hasContent("<corrected/>");
    }

    @Test
    void receiptStaysInTheInboxUntilTheHandlerHasCompleted() throws IOException {
        Path receipt = drop("CEB622Message_1.xml", "<CEB622Message/>");
        AtomicBoolean presentWhileHandling = new AtomicBoolean();
        InboundHandler handler = message -> Mono.fromRunnable(() -> presentWhileHandling.set(Files.exists(receipt)));

        StepVerifier.create(inbox.poll(handler))
                .expectNext(ReceiptOutcome.processed("CEB622Message_1.xml"))
                .expectComplete()
                .verify(BOUND);

        assertThat(presentWhileHandling).isTrue();
        assertThat(receipt).doesNotExist();
        assertThat(settings.processed().resolve("CEB622Message_1.xml")).hasContent("<CEB622Message/>");
    }

    @Test
    void failingHandlerLeavesTheReceiptForTheNextPoll() throws IOException {
        Path receipt = drop("CEB622Message_1.xml", "<CEB622Message/>");
        InboundHandler failing = message -> Mono.error(new IllegalStateException("database down"));

        StepVerifier.create(inbox.poll(failing))
                .assertNext(outcome -> {
                    assertThat(outcome.disposition()).isEqualTo(Disposition.KEPT);
                    assertThat(outcome.detail()).contains("database down");
                })
                .expectComplete()
                .verify(BOUND);
        assertThat(receipt).exists();

        StepVerifier.create(inbox.poll(recording))
                .expectNext(ReceiptOutcome.processed("CEB622Message_1.xml"))
                .expectComplete()
                .verify(BOUND);
        assertThat(handled).hasSize(1);
    }

    @Test
    void receiptSurvivesAPollCancelledMidHandling() throws IOException {
        Path receipt = drop("CEB622Message_1.xml", "<CEB622Message/>");
        InboundHandler hanging = message -> Mono.never();

        StepVerifier.create(inbox.poll(hanging))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .thenCancel()
                .verify(BOUND);

        assertThat(receipt).exists();
        StepVerifier.create(inbox.poll(recording))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);
    }

    @Test
    void rejectedReceiptIsSetAsideInFailed() throws IOException {
        drop("garbage.xml", "not xml");
        InboundHandler rejecting = message -> Mono.error(new InboundMessageRejectedException("not a receipt"));

        StepVerifier.create(inbox.poll(rejecting))
                .expectNext(new ReceiptOutcome("garbage.xml", Disposition.FAILED, "not a receipt"))
                .expectComplete()
                .verify(BOUND);

        assertThat(settings.failed().resolve("garbage.xml")).exists();
        assertThat(names(settings.inbox())).isEmpty();
    }

    @Test
    void takesOldestFirstUpToTheBatchSizeAndSkipsFilesBeingWritten() throws IOException {
        inbox = new FileDropInbox(
                new FileDropSettings(settings.outbox(), settings.inbox(), settings.processed(), settings.failed(), 2));
        Instant now = Instant.now();
        age(drop("c.xml", "<c/>"), now.minusSeconds(10));
        age(drop("a.xml", "<a/>"), now.minusSeconds(30));
        age(drop("b.xml", "<b/>"), now.minusSeconds(20));
        drop(".d.xml", "<d/>");
        drop("e.xml.tmp", "<e");

        StepVerifier.create(inbox.poll(recording))
                .expectNextCount(2)
                .expectComplete()
                .verify(BOUND);

        assertThat(handled).extracting(InboundMessage::name).containsExactly("a.xml", "b.xml");
        assertThat(names(settings.inbox())).containsExactlyInAnyOrder("c.xml", ".d.xml", "e.xml.tmp");
    }

    @Test
    void sameNameHandledTwiceKeepsBothArchivedCopies() throws IOException {
        drop("r.xml", "<first/>");
        StepVerifier.create(inbox.poll(recording))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);
        drop("r.xml", "<second/>");
        StepVerifier.create(inbox.poll(recording))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);

        assertThat(names(settings.processed())).hasSize(2).contains("r.xml");
    }

    @Test
    void messageDroppedInTheOutboxComesBackThroughTheInbox() throws IOException {
        OutboundMessage message = message();
        StepVerifier.create(outbox.deliver(message))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);
        // What the e-port client does: send the outbox file, and leave the answer in the inbox.
        String name = FileDropOutbox.fileName(message);
        Files.createDirectories(settings.inbox());
        Files.move(settings.outbox().resolve(name), settings.inbox().resolve(name));

        StepVerifier.create(inbox.poll(recording))
                .expectNext(ReceiptOutcome.processed(name))
                .expectComplete()
                .verify(BOUND);

        assertThat(handled).singleElement().satisfies(m -> assertThat(m.payload())
                .isEqualTo(message.payload()));
    }

    @Test
    void missingInboxMeansNothingWaiting() {
        StepVerifier.create(inbox.poll(recording)).expectComplete().verify(BOUND);
    }

    private Path drop(String name, String content) throws IOException {
        Files.createDirectories(settings.inbox());
        return Files.writeString(settings.inbox().resolve(name), content);
    }

    private static void age(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
