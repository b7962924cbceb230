package cn.cbecpilot.ceb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.ceb.gateway.ClearanceGateway;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.Parcel;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.ceb.transport.DeliveryUnavailableException;
import cn.cbecpilot.ceb.transport.DeliveryUnavailableException.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

/** Each scenario, picked by the copNo's suffix, against one simulator pushing to one receiver. */
class SimulatorScenariosTest {

    /** Generous: the first exchange in a JVM loads Netty, WireMock and the schemas, slowly on a busy machine. */
    static final Duration BOUND = Duration.ofSeconds(30);

    static PushReceiver receiver;
    static SingleWindowSimulator simulator;
    static ClearanceGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        receiver = new PushReceiver();
        simulator = new SingleWindowSimulator(SimulatorSettings.defaults()
                        .withReceiptDelay(Duration.ZERO)
                        .withSlowAnswer(Duration.ofMillis(1500))
                        .withCallback(receiver.url(), PushReceiver.TOKEN, false))
                .start();
        gateway = SimulatorFixture.gateway(simulator);
        warmUp();
    }

    /** One full exchange first, so that the timing-sensitive slow-answer tests do not pay the JVM's start-up. */
    static void warmUp() {
        Parcel parcel = Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("WARM"));
        StepVerifier.create(gateway.submit(parcel.inventory()))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);
        await().atMost(BOUND).until(() -> statuses(parcel.copNo()).size() == 2);
    }

    @AfterAll
    static void stop() {
        simulator.close();
        receiver.close();
    }

    @ParameterizedTest
    @CsvSource({"-ACC, 120 800", "-REJ, 100", "-INS, 120 500 800", "-HLD, 120 501", "-MAN, 120 300"})
    void inventoryReceiptsFollowTheScenarioOfTheCopNoSuffix(String suffix, String expected) {
        Parcel parcel =
                Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("C") + suffix);
        List<String> statuses = List.of(expected.split(" "));

        StepVerifier.create(gateway.submit(parcel.inventory()))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);

        await().atMost(BOUND).until(() -> statuses(parcel.copNo()).size() == statuses.size());
        assertThat(statuses(parcel.copNo())).containsExactlyElementsOf(statuses);
    }

    @Test
    void rejectionCarriesCustomsReason() {
        Parcel parcel =
                Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("C") + "-REJ");

        StepVerifier.create(gateway.submit(parcel.inventory()))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);

        await().atMost(BOUND).until(() -> !statuses(parcel.copNo()).isEmpty());
        assertThat(receipts(parcel.copNo()).get(0).returnInfo()).startsWith("[Code:1300;");
    }

    @Test
    void serverErrorScenarioLeavesTheMessageUndeliveredAfterRetries() {
        Parcel parcel =
                Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("C") + "-5XX");

        StepVerifier.create(gateway.submit(parcel.inventory()))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOfSatisfying(DeliveryUnavailableException.class, u -> {
                            assertThat(u.reason()).isEqualTo(Reason.SERVER_ERROR);
                            assertThat(u.status()).hasValue(503);
                        }))
                .verify(BOUND);
        assertThat(receipts(parcel.copNo())).isEmpty();
    }

    @Test
    void slowScenarioAnswersLaterThanTheTransportWaits() {
        Parcel parcel =
                Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("C") + "-SLW");
        ClearanceGateway impatient = SimulatorFixture.gateway(simulator, Duration.ofMillis(300));

        StepVerifier.create(impatient.submit(parcel.inventory()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(DeliveryUnavailableException.class, u -> assertThat(u.reason())
                                .isEqualTo(Reason.TIMEOUT)))
                .verify(BOUND);
    }

    @Test
    void slowScenarioIsDeliveredToAPatientTransport() {
        Parcel parcel =
                Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("C") + "-SLW");

        StepVerifier.create(gateway.submit(parcel.inventory()))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);

        await().atMost(BOUND).until(() -> statuses(parcel.copNo()).size() == 2);
        assertThat(statuses(parcel.copNo())).containsExactly("120", "800");
    }

    @Test
    void burstScenarioIsDeliveredOnTheTransportsRetry() {
        Parcel parcel =
                Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("C") + "-BST");

        StepVerifier.create(gateway.submit(parcel.inventory()))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);

        await().atMost(BOUND).until(() -> statuses(parcel.copNo()).size() == 2);
        assertThat(statuses(parcel.copNo())).containsExactly("120", "800");
    }

    @Test
    void droppedReceiptsScenarioTakesTheListOverButPushesNothing() {
        Parcel dropped =
                Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("C") + "-DRP");
        Parcel answered =
                Parcel.of(SingleWindowSimulatorTest.unique("ORD"), SingleWindowSimulatorTest.unique("C") + "-ACC");

        StepVerifier.create(gateway.submit(dropped.inventory()))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);
        StepVerifier.create(gateway.submit(answered.inventory()))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);

        await().atMost(BOUND).until(() -> statuses(answered.copNo()).size() == 2);
        assertThat(receipts(dropped.copNo())).isEmpty();
    }

    private static List<Receipt> receipts(String copNo) {
        return receiver.receipts.stream()
                .filter(r -> r.messageType() == MessageType.CEB622
                        && r.copNo().orElse("").equals(copNo))
                .toList();
    }

    private static List<String> statuses(String copNo) {
        return receipts(copNo).stream().map(Receipt::returnStatus).toList();
    }
}
