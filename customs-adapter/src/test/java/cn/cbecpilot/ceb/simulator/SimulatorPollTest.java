package cn.cbecpilot.ceb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.ceb.gateway.ReceiptIntake;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.Parcel;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.ceb.transport.HttpReceiptPoller;
import cn.cbecpilot.ceb.transport.ReceiptOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Receipts collected with the real {@link HttpReceiptPoller} from the simulator's queue. */
class SimulatorPollTest {

    private final List<Receipt> handled = new CopyOnWriteArrayList<>();
    private SingleWindowSimulator simulator;
    private HttpReceiptPoller poller;

    @BeforeEach
    void start() {
        simulator = new SingleWindowSimulator(SimulatorSettings.defaults()
                        .withReceiptDelay(Duration.ofMillis(20))
                        .withLease(Duration.ofSeconds(1)))
                .start();
        poller = new HttpReceiptPoller(
                new HttpReceiptPoller.Settings(simulator.receiptsUrl(), Duration.ofSeconds(10), 10),
                WebClient.builder(),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pollsQueuedReceiptsAndAcknowledgesEachOnceHandled() {
        Parcel parcel = Parcel.of("ORD-POLL-1", "COP-POLL-1");
        ReceiptIntake intake = new ReceiptIntake(r -> Mono.fromRunnable(() -> handled.add(r)));
        submit(parcel);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poller.poll(intake.asInboundHandler()).then().block(Duration.ofSeconds(5));
            return handled.size() == 3;
        });

        assertThat(handled)
                .extracting(Receipt::messageType, Receipt::returnStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MessageType.CEB622, "120"),
                        org.assertj.core.groups.Tuple.tuple(MessageType.CEB622, "800"),
                        org.assertj.core.groups.Tuple.tuple(MessageType.CEB816, "1"));
        assertThat(simulator.waitingReceipts()).isZero();
    }

    @Test
    void offersAReceiptAgainWhenTheHandlerFailedAndItsLeaseRanOut() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        ReceiptIntake flaky = new ReceiptIntake(r -> failOnce.getAndSet(false)
                ? Mono.error(new IllegalStateException("database down"))
                : Mono.fromRunnable(() -> handled.add(r)));
        submit(Parcel.of("ORD-POLL-2", "COP-POLL-2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.waitingReceipts() == 3);

        StepVerifier.create(poller.poll(flaky.asInboundHandler()).map(ReceiptOutcome::disposition))
                .expectNext(
                        ReceiptOutcome.Disposition.KEPT,
                        ReceiptOutcome.Disposition.PROCESSED,
                        ReceiptOutcome.Disposition.PROCESSED)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(simulator.waitingReceipts()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poller.poll(flaky.asInboundHandler()).then().block(Duration.ofSeconds(5));
            return handled.size() == 3;
        });
        assertThat(simulator.waitingReceipts()).isZero();
        assertThat(handled).extracting(Receipt::returnStatus).containsExactlyInAnyOrder("120", "800", "1");
    }

    private void submit(Parcel parcel) {
        StepVerifier.create(SimulatorFixture.gateway(simulator).submit(parcel.inventory()))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }
}
