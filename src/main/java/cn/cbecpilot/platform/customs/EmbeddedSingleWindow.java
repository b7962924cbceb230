package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.simulator.SimulatorSettings;
import cn.cbecpilot.ceb.simulator.SingleWindowSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The single-window simulator inside the platform, for the embedded mode and the tests: it listens on 127.0.0.1 and
 * pushes its receipts to the platform's own receipt endpoint with the inbound token, exactly as the real single
 * window would. Its port is chosen up front (the transport needs the address before the web server has a port) and
 * it starts once the platform's server is up, so that its first receipt finds someone to take it.
 */
@Component
class EmbeddedSingleWindow implements ApplicationListener<WebServerInitializedEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSingleWindow.class);

    private final CustomsProperties properties;
    private final Clock clock;
    private final int port = freePort();
    private volatile SingleWindowSimulator simulator;

    EmbeddedSingleWindow(CustomsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    URI messagesUrl() {
        return URI.create("http://127.0.0.1:" + port + SingleWindowSimulator.SUBMIT_PATH);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!needed() || simulator != null || event.getApplicationContext().getParent() != null) {
            return;
        }
        URI callback = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/customs/receipts");
        simulator = new SingleWindowSimulator(settings(callback), clock).start();
        log.info(
                "Embedded single-window simulator on {}, receipts pushed to {}, scenario {}",
                messagesUrl(),
                callback,
                properties.simulatorScenario());
    }

    /** Receipts pushed to {@code callback} only: the platform does not poll its own simulator. */
    SimulatorSettings settings(URI callback) {
        return SimulatorSettings.defaults()
                .withListen("127.0.0.1", port)
                .withReceiptDelay(properties.simulatorReceiptDelay())
                .withDefaultScenario(properties.simulatorScenario())
                .withCallback(callback, properties.inboundToken(), false);
    }

    /** Only when no real single window is configured and messages go over HTTP. */
    private boolean needed() {
        return (properties.singleWindowUrl() == null
                        || properties.singleWindowUrl().isBlank())
                && properties.transport() == CustomsProperties.Transport.HTTP;
    }

    @Override
    public void start() {}

    @Override
    public void stop() {
        SingleWindowSimulator running = simulator;
        simulator = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return simulator != null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded single window", e);
        }
    }
}
