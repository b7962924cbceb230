package cn.cbecpilot.ceb.transport;

import static cn.cbecpilot.ceb.transport.TransportFixtures.fast;
import static cn.cbecpilot.ceb.transport.TransportFixtures.message;
import static cn.cbecpilot.ceb.transport.TransportFixtures.withoutRetry;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.transport.DeliveryUnavailableException.Reason;
import cn.cbecpilot.ceb.transport.HttpTransportSettings.RateLimitSettings;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class HttpCustomsTransportTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @RegisterExtension
    static WireMockExtension singleWindow = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    /**
     * The first request in a JVM loads and initialises Netty, which on a busy machine takes longer than
     * the short call timeout these tests use; one request up front keeps that out of every test.
     */
    @BeforeAll
    static void warmUpHttpClient() {
        singleWindow.stubFor(post("/warm-up").willReturn(ok()));
        StepVerifier.create(new HttpCustomsTransport(HttpTransportSettings.defaults(
                                URI.create("http://127.0.0.1:" + singleWindow.getPort() + "/warm-up")))
                        .deliver(message()))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    private static URI url() {
        return URI.create("http://127.0.0.1:" + singleWindow.getPort() + "/ceb");
    }

    @Test
    void deliversMessageAndReturnsTheAnswer() {
        singleWindow.stubFor(post("/ceb").willReturn(ok("accepted")));
        OutboundMessage message = message();

        StepVerifier.create(new HttpCustomsTransport(fast(url())).deliver(message))
                .assertNext(receipt -> {
                    assertThat(receipt.guid()).isEqualTo(message.guid());
                    assertThat(receipt.reference()).isEqualTo("HTTP 200 accepted");
                })
                .expectComplete()
                .verify(BOUND);
        singleWindow.verify(postRequestedFor(urlEqualTo("/ceb"))
                .withHeader("Content-Type", equalTo("application/xml"))
                .withHeader(HttpCustomsTransport.GUID_HEADER, equalTo(message.guid()))
                .withHeader(HttpCustomsTransport.MESSAGE_TYPE_HEADER, equalTo("CEB621Message"))
                .withRequestBody(equalTo(new String(message.payload()))));
    }

    @Test
    void retriesServerErrorAndSucceeds() {
        singleWindow.stubFor(post("/ceb")
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError())
                .willSetStateTo("recovered"));
        singleWindow.stubFor(post("/ceb")
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(ok()));

        StepVerifier.create(new HttpCustomsTransport(fast(url())).deliver(message()))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);
        singleWindow.verify(2, postRequestedFor(urlEqualTo("/ceb")));
    }

    @Test
    void clientErrorIsARefusalAndIsNotRetried() {
        singleWindow.stubFor(post("/ceb").willReturn(aResponse().withStatus(400).withBody("bad signature")));

        StepVerifier.create(new HttpCustomsTransport(fast(url())).deliver(message()))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOfSatisfying(DeliveryRefusedException.class, refused -> {
                            assertThat(refused.status()).isEqualTo(400);
                            assertThat(refused.body()).isEqualTo("bad signature");
                        }))
                .verify(BOUND);
        singleWindow.verify(1, postRequestedFor(urlEqualTo("/ceb")));
    }

    @Test
    void serverErrorsExhaustTheAttemptsAndReportUnavailable() {
        singleWindow.stubFor(post("/ceb").willReturn(aResponse().withStatus(503)));

        StepVerifier.create(new HttpCustomsTransport(fast(url())).deliver(message()))
                .expectErrorSatisfies(e -> assertUnavailable(e, Reason.SERVER_ERROR))
                .verify(BOUND);
        singleWindow.verify(3, postRequestedFor(urlEqualTo("/ceb")));
    }

    @Test
    void connectionResetIsRetried() {
        singleWindow.stubFor(post("/ceb").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        StepVerifier.create(new HttpCustomsTransport(fast(url())).deliver(message()))
                .expectErrorSatisfies(e -> assertUnavailable(e, Reason.TRANSPORT_FAULT))
                .verify(BOUND);
        singleWindow.verify(3, postRequestedFor(urlEqualTo("/ceb")));
    }

    @Test
    void refusedConnectionIsRetriedThenReportedUnavailable() throws Exception {
        HttpCustomsTransport transport = new HttpCustomsTransport(fast(TransportFixtures.closedPort()));
        long started = System.nanoTime();

        StepVerifier.create(transport.deliver(message()))
                .expectErrorSatisfies(e -> assertUnavailable(e, Reason.TRANSPORT_FAULT))
                .verify(BOUND);
        // Two backoffs (20 ms, then 40 ms) lie between the three attempts.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void slowAnswerRunsIntoTheTimeLimiter() {
        singleWindow.stubFor(post("/ceb").willReturn(ok().withFixedDelay(5000)));
        HttpCustomsTransport transport = new HttpCustomsTransport(withoutRetry(fast(url())));

        StepVerifier.create(transport.deliver(message()))
                .expectErrorSatisfies(e -> assertUnavailable(e, Reason.TIMEOUT))
                .verify(Duration.ofSeconds(4));
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndThenRejectsWithoutCalling() {
        singleWindow.stubFor(post("/ceb").willReturn(serverError()));
        HttpCustomsTransport transport = new HttpCustomsTransport(withoutRetry(fast(url())));

        StepVerifier.create(Flux.range(0, 4).concatMap(i -> reasonOf(transport.deliver(message()))))
                .expectNext("SERVER_ERROR", "SERVER_ERROR", "SERVER_ERROR", "SERVER_ERROR")
                .expectComplete()
                .verify(BOUND);
        assertThat(transport.isCircuitOpen()).isTrue();
        assertThat(transport.isAvailable()).isFalse();

        StepVerifier.create(transport.deliver(message()))
                .expectErrorSatisfies(e -> assertUnavailable(e, Reason.CIRCUIT_OPEN))
                .verify(Duration.ofSeconds(1));
        singleWindow.verify(4, postRequestedFor(urlEqualTo("/ceb")));
    }

    @Test
    void clientErrorsDoNotOpenTheCircuit() {
        singleWindow.stubFor(post("/ceb").willReturn(aResponse().withStatus(422)));
        HttpCustomsTransport transport = new HttpCustomsTransport(fast(url()));

        StepVerifier.create(Flux.range(0, 6).concatMap(i -> reasonOf(transport.deliver(message()))))
                .expectNext("REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED")
                .expectComplete()
                .verify(BOUND);
        assertThat(transport.isCircuitOpen()).isFalse();
    }

    @Test
    void rateLimiterRefusesRequestsBeyondThePermits() {
        singleWindow.stubFor(post("/ceb").willReturn(ok()));
        HttpCustomsTransport transport = new HttpCustomsTransport(
                fast(url()).withRateLimit(new RateLimitSettings(2, Duration.ofMinutes(1), Duration.ZERO)));

        StepVerifier.create(Flux.range(0, 3).concatMap(i -> reasonOf(transport.deliver(message()))))
                .expectNext("DELIVERED", "DELIVERED", "RATE_LIMITED")
                .expectComplete()
                .verify(BOUND);
        singleWindow.verify(2, postRequestedFor(urlEqualTo("/ceb")));
    }

    @Test
    void bulkheadRefusesADeliveryBeyondTheConcurrentCalls() {
        singleWindow.stubFor(post("/ceb").willReturn(ok().withFixedDelay(150)));
        HttpCustomsTransport transport = new HttpCustomsTransport(fast(url()).withMaxConcurrentCalls(1));

        Flux<String> both = Flux.merge(
                reasonOf(transport.deliver(message())),
                reasonOf(transport.deliver(message()).delaySubscription(Duration.ofMillis(50))));

        StepVerifier.create(both)
                .expectNext("BULKHEAD_FULL", "DELIVERED")
                .expectComplete()
                .verify(BOUND);
        singleWindow.verify(1, postRequestedFor(urlEqualTo("/ceb")));
    }

    private static Mono<String> reasonOf(Mono<DeliveryReceipt> delivery) {
        return delivery.map(receipt -> "DELIVERED")
                .onErrorResume(
                        DeliveryUnavailableException.class,
                        e -> Mono.just(e.reason().name()))
                .onErrorResume(DeliveryRefusedException.class, e -> Mono.just("REFUSED"));
    }

    private static void assertUnavailable(Throwable e, Reason reason) {
        assertThat(e).isInstanceOfSatisfying(DeliveryUnavailableException.class, u -> assertThat(u.reason())
                .isEqualTo(reason));
    }
}
