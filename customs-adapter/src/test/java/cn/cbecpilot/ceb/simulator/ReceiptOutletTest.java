package cn.cbecpilot.ceb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipts pushed side by side across declarations, in order within one. */
class ReceiptOutletTest {

    private final List<String> pushed = new CopyOnWriteArrayList<>();
    private final CountDownLatch otherDeclarationArrived = new CountDownLatch(1);
    private HttpServer callback;
    private ReceiptOutlet outlet;

    @BeforeEach
    void start() throws IOException {
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.setExecutor(Executors.newFixedThreadPool(4));
        callback.createContext("/customs/receipts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            pushed.add(body);
            if (body.startsWith("SLOW")) {
                // the platform is slow to answer this one; the other declaration's receipt must not wait behind it
                awaitQuietly(otherDeclarationArrived);
            } else if (body.startsWith("FAST")) {
                otherDeclarationArrived.countDown();
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        callback.start();
        URI url = URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/customs/receipts");
        SimulatorSettings settings = SimulatorSettings.defaults().withCallback(url, "token", false);
        outlet = new ReceiptOutlet(settings, new ReceiptQueue(Duration.ofMinutes(1), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        outlet.close();
        callback.stop(0);
    }

    @Test
    void pushesAnotherDeclarationsReceiptWhileOneIsStillBeingTakenOver() throws InterruptedException {
        String slow = declarationOnAnotherLaneThan("FAST-DECLARATION");

        outlet.sendLater(slow, bytes("SLOW 120"), Duration.ZERO, true);
        outlet.sendLater("FAST-DECLARATION", bytes("FAST 120"), Duration.ZERO, true);

        assertThat(otherDeclarationArrived.await(10, TimeUnit.SECONDS))
                .as("the second declaration's receipt went out while the first was unanswered")
                .isTrue();
    }

    @Test
    void keepsTheOrderOfOneDeclarationsReceipts() {
        otherDeclarationArrived.countDown();
        for (int i = 0; i < 20; i++) {
            outlet.sendLater("CB2612030000000001", bytes("R" + i), Duration.ZERO, true);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> pushed.size() == 20);
        assertThat(pushed)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20)
                        .mapToObj(i -> "R" + i)
                        .toList());
    }

    @Test
    void keepsNoReceiptThatWouldGoNowhereForItsDelay() {
        // this outlet keeps no poll queue: a receipt whose push is lost goes nowhere
        outlet.sendLater("CB2612060000000001", bytes("LOST 120"), Duration.ofHours(1), false);
        assertThat(outlet.waiting()).isZero();

        outlet.sendLater("CB2612060000000002", bytes("LATER 120"), Duration.ofHours(1), true);
        assertThat(outlet.waiting()).isOne();
    }

    private static String declarationOnAnotherLaneThan(String other) {
        for (int i = 0; ; i++) {
            String candidate = "CB26120300000000" + i;
            if (Math.floorMod(candidate.hashCode(), ReceiptOutlet.LANES)
                    != Math.floorMod(other.hashCode(), ReceiptOutlet.LANES)) {
                return candidate;
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
