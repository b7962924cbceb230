package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-port client's way: requests are dropped as DxpMsg files into the outbox folder, receipts are collected from
 * the inbox folder, archived once handled, and set aside when unreadable.
 */
class FileDropClearanceIntegrationTest extends IntegrationTestBase {

    private static final Path ROOT = temporaryRoot();

    @DynamicPropertySource
    static void fileDrop(DynamicPropertyRegistry registry) {
        registry.add("platform.customs.transport", () -> "FILE_DROP");
        registry.add("platform.customs.file-drop-root", ROOT::toString);
        registry.add("platform.customs.receipt-poll-interval", () -> "1h");
    }

    @Autowired
    private CustomsOutbox outbox;

    @Autowired
    private OutboxDispatcher dispatcher;

    @Autowired
    private ReceiptCollection collection;

    @Test
    void dropsTheDeclarationIntoTheOutboxFolderAndCollectsReceiptsFromTheInbox() throws IOException {
        String orderNo = placeOrder("DRG-LOR-10");
        String guid = outbox.enqueue(CustomsOutbox.SubjectKind.ORDER, orderNo, "CEB621", '1')
                .toFuture()
                .join();

        dispatcher.dispatchDue().toFuture().join();

        try (Stream<Path> dropped = Files.list(ROOT.resolve("outbox"))) {
            assertThat(dropped.map(p -> read(p)))
                    .anySatisfy(xml -> assertThat(xml).contains("DxpMsg").contains(guid));
        }
        Files.createDirectories(ROOT.resolve("inbox"));
        Files.writeString(
                ROOT.resolve("inbox").resolve("receipt-1.xml"),
                Receipts.inventory(Receipts.guid(), orderNo, "120", "逻辑校验通过"));
        Files.writeString(ROOT.resolve("inbox").resolve("broken.xml"), "<CEB622Message");

        assertThat(collection.collect().toFuture().join()).isOne();

        assertThat(messagesOf(orderNo))
                .anySatisfy(m -> assertThat(m).containsEntry("direction", "IN").containsEntry("returnStatus", "120"));
        assertThat(ROOT.resolve("inbox").resolve("receipt-1.xml")).doesNotExist();
        try (Stream<Path> processed = Files.list(ROOT.resolve("processed"));
                Stream<Path> failed = Files.list(ROOT.resolve("failed"))) {
            assertThat(processed.count()).isOne();
            assertThat(failed.count()).isOne();
        }
    }

    private List<Map<String, Object>> messagesOf(String orderNo) {
        return operator()
                .get()
                .uri("/api/console/orders/{no}/messages", orderNo)
                .exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("cbec-file-drop");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
