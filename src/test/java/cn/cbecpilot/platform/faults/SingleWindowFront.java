package cn.cbecpilot.platform.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import cn.cbecpilot.ceb.simulator.SimulatorSettings;
import cn.cbecpilot.ceb.simulator.SingleWindowSimulator;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The single-window simulator behind a front on 127.0.0.1 that the test switches down (HTTP 503 on every delivery, as
 * the simulator's {@code -5XX} scenario answers), up (every delivery passed on to the simulator) or slow (passed on at
 * once, the simulator's answer held back for a while, as a single window under load answers). The front
 * journals what it passed on, so a test can count how often the simulator received each request guid: the
 * platform's own message table de-duplicates by guid and cannot tell.
 */
final class SingleWindowFront implements AutoCloseable {

    private static final String GUID_HEADER = "X-Ceb-Guid";

    private final WireMockServer front;
    private final SingleWindowSimulator simulator;

    private SingleWindowFront(WireMockServer front, SingleWindowSimulator simulator) {
        this.front = front;
        this.simulator = simulator;
    }

    /** Where the platform delivers to, for a front on {@code port}. */
    static String submitUrl(int port) {
        return "http://127.0.0.1:" + port + SingleWindowSimulator.SUBMIT_PATH;
    }

    /** Starts the simulator, pushing its receipts to {@code callback}, and the front on {@code port}, up. */
    static SingleWindowFront start(int port, URI callback, String token, Clock clock) {
        SingleWindowSimulator simulator = new SingleWindowSimulator(
                        SimulatorSettings.defaults()
                                .withListen("127.0.0.1", 0)
                                .withReceiptDelay(Duration.ofMillis(50))
                                .withCallback(callback, token, false),
                        clock)
                .start();
        WireMockServer front = new WireMockServer(
                wireMockConfig().bindAddress("127.0.0.1").port(port).notifier(new Slf4jNotifier(false)));
        front.start();
        SingleWindowFront started = new SingleWindowFront(front, simulator);
        started.up();
        return started;
    }

    /** From now on every delivery is answered 503 and none reaches the simulator. */
    void down() {
        answerWith(aResponse().withStatus(503).withBody("single window unavailable"));
    }

    /** From now on every delivery goes to the simulator; the count of what it received starts again from zero. */
    void up() {
        answerWith(toSimulator());
        front.resetRequests();
    }

    /**
     * From now on every delivery goes to the simulator at once, which pushes its receipts as usual, but its answer
     * reaches the platform only after {@code delay}; the count of what it received starts again from zero.
     */
    void slow(Duration delay) {
        answerWith(toSimulator().withFixedDelay(Math.toIntExact(delay.toMillis())));
        front.resetRequests();
    }

    /** How many times the simulator received each request guid since the front last came up. */
    Map<String, Long> receivedByGuid() {
        return front.getAllServeEvents().stream()
                .filter(SingleWindowFront::passedOn)
                .map(e -> e.getRequest().getHeader(GUID_HEADER))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Deliveries the front answered 503 itself since it last came up. */
    long refused() {
        return front.getAllServeEvents().stream().filter(e -> !passedOn(e)).count();
    }

    private ResponseDefinitionBuilder toSimulator() {
        return aResponse().proxiedFrom("http://127.0.0.1:" + simulator.port());
    }

    private static boolean passedOn(ServeEvent event) {
        return event.getResponseDefinition().isProxyResponse();
    }

    private void answerWith(ResponseDefinitionBuilder answer) {
        front.resetMappings();
        front.stubFor(post(urlPathEqualTo(SingleWindowSimulator.SUBMIT_PATH)).willReturn(answer));
    }

    @Override
    public void close() {
        front.stop();
        simulator.close();
    }
}
