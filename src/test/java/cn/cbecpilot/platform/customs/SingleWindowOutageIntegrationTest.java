package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.simulator.SimulatorSettings;
import cn.cbecpilot.ceb.simulator.SingleWindowSimulator;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The single window down, then back: the request waits in the outbox with a growing pause, is sent once when the
 * single window answers again, and its receipts are fetched from the single window's queue (the poll path).
 */
class SingleWindowOutageIntegrationTest extends IntegrationTestBase {

    private static final int PORT = freePort();
    private static SingleWindowSimulator singleWindow;

    @DynamicPropertySource
    static void ownSingleWindow(DynamicPropertyRegistry registry) {
        registry.add("platform.customs.single-window-url", () -> "http://127.0.0.1:" + PORT + "/ceb/messages");
        registry.add("platform.customs.poll-receipts", () -> "true");
        registry.add("platform.customs.receipts-url", () -> "http://127.0.0.1:" + PORT + "/ceb/receipts");
        registry.add("platform.customs.receipt-poll-interval", () -> "1h");
    }

    @Autowired
    private CustomsOutbox outbox;

    @Autowired
    private OutboxDispatcher dispatcher;

    @Autowired
    private ReceiptCollection collection;

    @AfterAll
    static void stopSingleWindow() {
        if (singleWindow != null) {
            singleWindow.close();
        }
    }

    @Test
    void keepsTheRequestWhileTheSingleWindowIsDownAndSendsItOnceWhenItIsBack() {
        String orderNo = placeOrder("DRG-LOR-10");
        // requests other test classes left unsent in the shared database would trip this context's circuit breaker
        setAsideUnsentExceptOf(orderNo);
        String guid = outbox.enqueue(CustomsOutbox.SubjectKind.ORDER, orderNo, "CEB311", '1')
                .toFuture()
                .join();

        dispatcher.dispatchDue().toFuture().join();

        assertThat(count("select count(*) from customs_outbox where guid = '" + guid + "' and sent_at is null"
                        + " and failed_at is null and attempts = 1 and last_error is not null"))
                .as("kept for later, not set aside")
                .isOne();

        singleWindow = new SingleWindowSimulator(SimulatorSettings.defaults()
                        .withListen("127.0.0.1", PORT)
                        .withReceiptDelay(Duration.ZERO))
                .start();
        dispatcher.dispatchDue().toFuture().join();
        assertThat(count("select count(*) from customs_outbox where guid = '" + guid + "' and sent_at is null"))
                .as("still pausing")
                .isOne();

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue().toFuture().join();

        assertThat(count("select count(*) from customs_outbox where guid = '" + guid + "' and sent_at is not null"
                        + " and attempts = 2"))
                .isOne();
        assertThat(count("select count(*) from customs_message where direction = 'OUT' and guid = '" + guid + "'"))
                .isOne();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            collection.collect().toFuture().join();
            assertThat(count("select count(*) from customs_message where direction = 'IN' and message_type = 'CEB312'"
                            + " and subject_no = '" + orderNo + "'"))
                    .as("the order receipt, fetched from the single window's queue")
                    .isPositive();
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
