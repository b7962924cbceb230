package cn.cbecpilot.platform.benchmark;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.order.OrderEvent;
import cn.cbecpilot.platform.order.OrderLifecycle;
import cn.cbecpilot.platform.order.OrderStatus;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.ReferenceData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * What one lifecycle event costs: the transition table asked one event, alone, and a whole event
 * (read, machine, versioned update, timeline, quota and stock) through HTTP. Figures go to standard output.
 *
 * <p>Knobs: {@code benchmark.machines} questions timed, {@code benchmark.events} cancellations timed,
 * {@code benchmark.concurrency} in flight.
 */
class OrderLifecycleBenchmark extends IntegrationTestBase {

    private final int machines = Integer.getInteger("benchmark.machines", 200_000);
    private final int events = Integer.getInteger("benchmark.events", 400);
    private final int concurrency = Integer.getInteger("benchmark.concurrency", 16);

    @LocalServerPort
    int port;

    @Test
    void measure() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬片", "1.00", events * 2 + 10);
        // the consumer's calls: an operator's Basic auth would add a BCrypt check to every request
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        long started = System.nanoTime();
        List<Map<String, Object>> orders = place(client, sku, events + events / 4);
        System.out.printf(
                "| placement through HTTP (setup), %d in flight | %.0f orders/s |%n",
                concurrency, orders.size() / ((System.nanoTime() - started) / 1e9));
        System.out.printf(
                "| CANCEL through HTTP, 1 in flight | %.0f events/s |%n",
                eventsPerSecond(client, orders.subList(0, events / 4), 1));
        System.out.printf(
                "| CANCEL through HTTP, %d in flight | %.0f events/s |%n",
                concurrency, eventsPerSecond(client, orders.subList(events / 4, orders.size()), concurrency));
        System.out.printf(
                "| transition table asked one event (a machine built the first time, remembered after) | %.2f µs |%n",
                machineRebuild());
    }

    /** Asks the table one event at a state, after a warm-up as long as the timed run. */
    private double machineRebuild() {
        OrderLifecycle lifecycle = new OrderLifecycle();
        for (int round = 0; round < 2; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < machines; i++) {
                Optional<OrderStatus> next = lifecycle
                        .next(OrderStatus.DECLARED, OrderEvent.RELEASE, null)
                        .toFuture()
                        .join();
                assertThat(next).contains(OrderStatus.RELEASED);
            }
            if (round == 1) {
                return (System.nanoTime() - started) / 1_000.0 / machines;
            }
        }
        throw new IllegalStateException();
    }

    private List<Map<String, Object>> place(WebClient client, String sku, int n) {
        return Flux.range(0, n)
                .flatMap(
                        i -> client.post()
                                .uri("/api/orders")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .bodyValue(anOrderRequest()
                                        .line(sku, 1)
                                        .buyer(nextBuyer())
                                        .body())
                                .retrieve()
                                .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {}),
                        concurrency)
                .collectList()
                .toFuture()
                .join();
    }

    private static double eventsPerSecond(WebClient client, List<Map<String, Object>> orders, int inFlight) {
        long started = System.nanoTime();
        List<Integer> statuses = Flux.fromIterable(orders)
                .flatMap(
                        o -> client.post()
                                .uri("/api/orders/{no}/cancel", o.get("orderNo"))
                                .header("X-Order-Token", (String) o.get("orderToken"))
                                .exchangeToMono(r -> r.releaseBody()
                                        .thenReturn(r.statusCode().value()))
                                .timeout(Duration.ofSeconds(30)),
                        inFlight)
                .collectList()
                .toFuture()
                .join();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(statuses).containsOnly(200);
        return orders.size() / seconds;
    }
}
