package cn.cbecpilot.ceb.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as its own process (its container in docker/compose.yaml). Configured by
 * environment variables, all optional: {@code SIMULATOR_BIND} (0.0.0.0 in a container),
 * {@code SIMULATOR_PORT} (8090), {@code SIMULATOR_RECEIPT_DELAY_MS} (500),
 * {@code SIMULATOR_CALLBACK_URL} with {@code SIMULATOR_CALLBACK_TOKEN} (push; unset = poll only),
 * {@code SIMULATOR_QUEUE} (true), {@code SIMULATOR_SCENARIO} (ACCEPT_RELEASE), {@code SIMULATOR_SLOW_MS} (5000).
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorSettings settings = settings(System.getenv());
        SingleWindowSimulator simulator = new SingleWindowSimulator(settings).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println(
                "single-window simulator: submit " + simulator.submitUrl() + ", receipts " + simulator.receiptsUrl()
                        + settings.callbackUrl().map(u -> ", pushing to " + u).orElse(""));
        stopped.await();
    }

    static SimulatorSettings settings(Map<String, String> env) {
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withListen(env.getOrDefault("SIMULATOR_BIND", "127.0.0.1"), intOf(env, "SIMULATOR_PORT", 8090))
                .withReceiptDelay(Duration.ofMillis(intOf(env, "SIMULATOR_RECEIPT_DELAY_MS", 500)))
                .withDefaultScenario(Scenario.valueOf(env.getOrDefault("SIMULATOR_SCENARIO", "ACCEPT_RELEASE")))
                .withSlowAnswer(Duration.ofMillis(intOf(env, "SIMULATOR_SLOW_MS", 5000)));
        Optional<String> callback =
                Optional.ofNullable(env.get("SIMULATOR_CALLBACK_URL")).filter(s -> !s.isBlank());
        boolean queue = Boolean.parseBoolean(env.getOrDefault("SIMULATOR_QUEUE", "true"));
        return callback.map(url ->
                        settings.withCallback(URI.create(url), env.getOrDefault("SIMULATOR_CALLBACK_TOKEN", ""), queue))
                .orElseGet(() -> settings.withQueueReceipts(queue));
    }

    private static int intOf(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
