package cn.cbecpilot.ceb.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.transport.ReceiptOutcome.Disposition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class HttpReceiptPollerTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @RegisterExtension
    static WireMockExtension singleWindow = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final List<InboundMessage> handled = new CopyOnWriteArrayList<>();

    private HttpReceiptPoller poller(int maxBatch) {
        URI url = URI.create("http://127.0.0.1:" + singleWindow.getPort() + "/receipts");
        return new HttpReceiptPoller(
                new HttpReceiptPoller.Settings(url, Duration.ofSeconds(2), maxBatch),
                WebClient.builder(),
                Clock.systemUTC());
    }

    @Test
    void takesWaitingReceiptsUntilNoneIsLeftAndAcknowledgesEach() {
        queue(Scenario.STARTED, "r1", "<CEB622Message/>", "second");
        queue("second", "r2", "<CEB624Message/>", "empty");
        singleWindow.stubFor(get("/receipts")
                .inScenario("queue")
                .whenScenarioStateIs("empty")
                .willReturn(noContent()));
        singleWindow.stubFor(delete(urlEqualTo("/receipts/r1")).willReturn(ok()));
        singleWindow.stubFor(delete(urlEqualTo("/receipts/r2")).willReturn(ok()));

        StepVerifier.create(poller(10).poll(message -> Mono.fromRunnable(() -> handled.add(message))))
                .expectNext(ReceiptOutcome.processed("r1"), ReceiptOutcome.processed("r2"))
                .expectComplete()
                .verify(BOUND);

        assertThat(handled).extracting(InboundMessage::name).containsExactly("r1", "r2");
        singleWindow.verify(1, deleteRequestedFor(urlEqualTo("/receipts/r1")));
        singleWindow.verify(1, deleteRequestedFor(urlEqualTo("/receipts/r2")));
    }

    @Test
    void failingHandlerLeavesTheReceiptUnacknowledged() {
        singleWindow.stubFor(get("/receipts").willReturn(ok("<CEB622Message/>").withHeader("X-Ceb-Message-Id", "r1")));

        StepVerifier.create(poller(1).poll(message -> Mono.error(new IllegalStateException("database down"))))
                .assertNext(outcome -> assertThat(outcome.disposition()).isEqualTo(Disposition.KEPT))
                .expectComplete()
                .verify(BOUND);

        singleWindow.verify(0, deleteRequestedFor(urlEqualTo("/receipts/r1")));
    }

    @Test
    void nothingWaitingEndsThePollAtOnce() {
        singleWindow.stubFor(get("/receipts").willReturn(noContent()));

        StepVerifier.create(poller(10).poll(message -> Mono.empty()))
                .expectComplete()
                .verify(BOUND);
    }

    @Test
    void serverErrorEndsThePollWithAnError() {
        singleWindow.stubFor(get("/receipts").willReturn(aResponse().withStatus(503)));

        StepVerifier.create(poller(10).poll(message -> Mono.empty()))
                .expectError()
                .verify(BOUND);
    }

    private static void queue(String state, String id, String body, String next) {
        singleWindow.stubFor(get("/receipts")
                .inScenario("queue")
                .whenScenarioStateIs(state)
                .willReturn(ok(body).withHeader("X-Ceb-Message-Id", id))
                .willSetStateTo(next));
    }
}
