package cn.cbecpilot.ceb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.dxp.DxpEnvelope;
import cn.cbecpilot.ceb.dxp.TransInfo;
import cn.cbecpilot.ceb.message.CebFormats;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.ceb.message.ReceiptWriter;
import cn.cbecpilot.ceb.transport.FileDropInbox;
import cn.cbecpilot.ceb.transport.FileDropSettings;
import cn.cbecpilot.ceb.transport.ReceiptOutcome.Disposition;
import cn.cbecpilot.ceb.xml.CebXmlException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ReceiptIntakeTest {

    private final List<Receipt> handled = new CopyOnWriteArrayList<>();
    private final ReceiptIntake intake = new ReceiptIntake(r -> Mono.fromRunnable(() -> handled.add(r)));

    static byte[] inventoryReceipt(String copNo, String status) {
        return new ReceiptWriter().write(MessageType.CEB622, CebFormats.newGuid(), List.of(inventory(copNo, status)));
    }

    @Test
    void handlesEachDeclarationsReceiptsInOrderAndTheDeclarationsSideBySide() {
        List<String> done = new CopyOnWriteArrayList<>();
        ReceiptIntake slowForA = new ReceiptIntake(
                r -> Mono.delay(Duration.ofMillis("A".equals(r.copNo().orElseThrow()) ? 300 : 0))
                        .doOnNext(t -> done.add(r.copNo().orElseThrow() + r.returnStatus()))
                        .then());
        byte[] message = new ReceiptWriter()
                .write(
                        MessageType.CEB622,
                        CebFormats.newGuid(),
                        List.of(
                                inventory("A", "120"),
                                inventory("B", "120"),
                                inventory("A", "800"),
                                inventory("B", "800")));

        StepVerifier.create(slowForA.accept(message))
                .expectNextCount(4)
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(done).containsExactly("B120", "B800", "A120", "A800");
    }

    private static Map<String, String> inventory(String copNo, String status) {
        return Map.of(
                "guid",
                CebFormats.newGuid(),
                "copNo",
                copNo,
                "preNo",
                "B20261203000000001",
                "returnStatus",
                status,
                "returnTime",
                "20261203101530123",
                "returnInfo",
                "[Code:" + status + "]");
    }

    @Test
    void handsAReceiptInADxpEnvelopeToTheHandler() {
        byte[] bare = inventoryReceipt("COP1", "800");
        byte[] wrapped = new DxpEnvelope()
                .wrap(
                        bare,
                        new TransInfo(
                                "M1",
                                DxpEnvelope.IMPORT_RECEIVER,
                                List.of("DXPENT0000012345"),
                                LocalDateTime.of(2026, 12, 3, 10, 15),
                                "CEB622Message"));

        StepVerifier.create(intake.accept(wrapped))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(handled).singleElement().satisfies(r -> {
            assertThat(r.copNo()).contains("COP1");
            assertThat(r.returnStatus()).isEqualTo("800");
            assertThat(r.xml()).isEqualTo(new String(bare, StandardCharsets.UTF_8));
        });
    }

    @Test
    void signalsHostileInputAsCebXmlExceptionAndHandlesNothing() {
        byte[] hostile = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>".getBytes();

        StepVerifier.create(intake.accept(hostile))
                .expectError(CebXmlException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(handled).isEmpty();
    }

    @Test
    void setsUnreadableInboxFilesAsideAndArchivesGoodOnes(@TempDir Path root) throws Exception {
        FileDropSettings settings = FileDropSettings.under(root);
        Files.createDirectories(settings.inbox());
        Files.write(settings.inbox().resolve("a-good.xml"), inventoryReceipt("COP1", "120"));
        Files.writeString(settings.inbox().resolve("b-bad.xml"), "<CEB622Message>");

        StepVerifier.create(new FileDropInbox(settings)
                        .poll(intake.asInboundHandler())
                        .map(o -> o.disposition()))
                .expectNext(Disposition.PROCESSED, Disposition.FAILED)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(handled).hasSize(1);
        assertThat(settings.failed().resolve("b-bad.xml")).exists();
    }
}
