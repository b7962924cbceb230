package cn.cbecpilot.ceb.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import java.net.URI;
import java.time.Clock;

/**
 * The simulated single window. Messages are POSTed to {@value #SUBMIT_PATH} (the URL to give {@link
 * cn.cbecpilot.ceb.transport.HttpCustomsTransport}); receipts are pushed to the configured callback
 * and/or wait at {@value #RECEIPTS_PATH} for {@link cn.cbecpilot.ceb.transport.HttpReceiptPoller}.
 * Start it, use it, close it; it holds nothing on disk.
 */
public final class SingleWindowSimulator implements AutoCloseable {

    public static final String SUBMIT_PATH = "/ceb/messages";
    public static final String RECEIPTS_PATH = "/ceb/receipts";

    private final WireMockServer server;
    private final ReceiptOutlet outlet;
    private final ReceiptQueue queue;

    public SingleWindowSimulator(SimulatorSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public SingleWindowSimulator(SimulatorSettings settings, Clock clock) {
        this.queue = new ReceiptQueue(settings.lease(), clock);
        this.outlet = new ReceiptOutlet(settings, queue);
        SingleWindowTransformer transformer =
                new SingleWindowTransformer(new Submissions(settings, outlet, clock), queue, settings);
        this.server = new WireMockServer(wireMockConfig()
                .bindAddress(settings.bindAddress())
                .port(settings.port())
                .disableRequestJournal()
                .notifier(new Slf4jNotifier(false))
                .extensions(transformer));
        String name = SingleWindowTransformer.NAME;
        server.stubFor(post(urlPathEqualTo(SUBMIT_PATH)).willReturn(aResponse().withTransformers(name)));
        server.stubFor(get(urlPathEqualTo(RECEIPTS_PATH)).willReturn(aResponse().withTransformers(name)));
        server.stubFor(delete(urlPathMatching(RECEIPTS_PATH + "/[A-Za-z0-9]+"))
                .willReturn(aResponse().withTransformers(name)));
    }

    public SingleWindowSimulator start() {
        server.start();
        return this;
    }

    public int port() {
        return server.port();
    }

    /** Where the HTTP transport delivers to. */
    public URI submitUrl() {
        return URI.create(base() + SUBMIT_PATH);
    }

    /** Where the receipt poller polls. */
    public URI receiptsUrl() {
        return URI.create(base() + RECEIPTS_PATH);
    }

    /** Receipts waiting in the poll queue, acknowledged ones not counted. */
    public int waitingReceipts() {
        return queue.size();
    }

    @Override
    public void close() {
        outlet.close();
        server.stop();
    }

    private String base() {
        String host = server.getOptions().bindAddress();
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + server.port();
    }
}
