package cn.cbecpilot.ceb.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the simulator listens and answers.
 *
 * @param bindAddress the interface to listen on; {@code 127.0.0.1} unless it runs in its own container
 * @param port the port, 0 for any free one
 * @param receiptDelay the wait before each receipt (the second of two comes twice as late); 0 answers at once
 * @param callbackUrl where receipts are pushed (POST, a DxpMsg body); empty for none
 * @param callbackToken the bearer token sent with each push
 * @param queueReceipts whether receipts also wait in the poll queue ({@value SingleWindowSimulator#RECEIPTS_PATH})
 * @param defaultScenario the scenario for messages whose number carries no scenario suffix
 * @param slowAnswer how late the {@link Scenario#SLOW} scenario answers
 * @param lease how long a polled receipt stays hidden from other polls until it is acknowledged
 */
public record SimulatorSettings(
        String bindAddress,
        int port,
        Duration receiptDelay,
        Optional<URI> callbackUrl,
        String callbackToken,
        boolean queueReceipts,
        Scenario defaultScenario,
        Duration slowAnswer,
        Duration lease) {

    public SimulatorSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        notNegative(receiptDelay, "receiptDelay");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(callbackToken, "callbackToken");
        if (callbackUrl.isEmpty() && !queueReceipts) {
            throw new IllegalArgumentException("receipts need a callback URL, the poll queue, or both");
        }
        Objects.requireNonNull(defaultScenario, "defaultScenario");
        notNegative(slowAnswer, "slowAnswer");
        notNegative(lease, "lease");
    }

    /** On 127.0.0.1, any port, receipts queued for polling after 200 ms, everything accepted and released. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(
                "127.0.0.1",
                0,
                Duration.ofMillis(200),
                Optional.empty(),
                "",
                true,
                Scenario.ACCEPT_RELEASE,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    public SimulatorSettings withListen(String address, int value) {
        return new SimulatorSettings(
                address,
                value,
                receiptDelay,
                callbackUrl,
                callbackToken,
                queueReceipts,
                defaultScenario,
                slowAnswer,
                lease);
    }

    public SimulatorSettings withReceiptDelay(Duration value) {
        return new SimulatorSettings(
                bindAddress,
                port,
                value,
                callbackUrl,
                callbackToken,
                queueReceipts,
                defaultScenario,
                slowAnswer,
                lease);
    }

    /** Pushes receipts to {@code url} with {@code token}; {@code queue} says whether they are also queued. */
    public SimulatorSettings withCallback(URI url, String token, boolean queue) {
        return new SimulatorSettings(
                bindAddress, port, receiptDelay, Optional.of(url), token, queue, defaultScenario, slowAnswer, lease);
    }

    public SimulatorSettings withQueueReceipts(boolean value) {
        return new SimulatorSettings(
                bindAddress, port, receiptDelay, callbackUrl, callbackToken, value, defaultScenario, slowAnswer, lease);
    }

    public SimulatorSettings withDefaultScenario(Scenario value) {
        return new SimulatorSettings(
                bindAddress, port, receiptDelay, callbackUrl, callbackToken, queueReceipts, value, slowAnswer, lease);
    }

    public SimulatorSettings withSlowAnswer(Duration value) {
        return new SimulatorSettings(
                bindAddress,
                port,
                receiptDelay,
                callbackUrl,
                callbackToken,
                queueReceipts,
                defaultScenario,
                value,
                lease);
    }

    public SimulatorSettings withLease(Duration value) {
        return new SimulatorSettings(
                bindAddress,
                port,
                receiptDelay,
                callbackUrl,
                callbackToken,
                queueReceipts,
                defaultScenario,
                slowAnswer,
                value);
    }

    private static void notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " is negative");
        }
    }
}
