package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderRequests;
import cn.cbecpilot.platform.support.ReferenceData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Orders racing for the last room of a buyer's annual limit, or the last units of a SKU. */
class ConcurrentOrdersIntegrationTest extends IntegrationTestBase {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** Fires all requests at once over separate connections and answers their HTTP statuses. */
    private List<Integer> race(List<OrderRequests> requests) {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        return Flux.fromIterable(requests)
                .flatMap(
                        r -> client.post()
                                .uri("/api/orders")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .bodyValue(r.body())
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value()))
                                .timeout(Duration.ofSeconds(30)),
                        requests.size())
                .collectList()
                .toFuture()
                .join();
    }

    @RepeatedTest(20)
    void letsOnlyAsManyOrdersAsTheAnnualLimitHoldsWhenTheyRace() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬片", "2990.00", 100);
        long buyer = nextBuyer();
        // each order is 2,990.00 + freight 0 = 2,990.00 dutiable; 26,000 holds 8 of them
        List<OrderRequests> tenOrders = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> anOrderRequest().line(sku, 1).buyer(buyer))
                .toList();

        List<Integer> statuses = race(tenOrders);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(8);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(2);
        BigDecimal used = db.sql("select sum(o.dutiable_value) from customer_order o where exists (select 1 from"
                        + " order_line l where l.order_no = o.order_no and l.sku = $1)")
                .bind(0, sku)
                .map((r, m) -> r.get(0, BigDecimal.class))
                .one()
                .toFuture()
                .join();
        assertThat(used).isEqualByComparingTo("23920.00");
    }

    @Test
    void sellsTheLastUnitsOnlyOnce() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬片", "68.00", 5);
        List<OrderRequests> twelveBuyers = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> anOrderRequest().line(sku, 1).buyer(nextBuyer()))
                .toList();

        List<Integer> statuses = race(twelveBuyers);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(7);
        assertThat(reserved(sku)).isEqualTo(5);
    }

    /**
     * Forty buyers race for 25 units, their orders falling in all eight of the SKU's stock slots, which have units
     * allotted for the day once the first order has placed: each unit is sold once, whichever slot sells it.
     */
    @Test
    void sellsEachUnitOnceWhicheverStockSlotTheOrdersFallIn() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬片", "68.00", 25);
        race(List.of(anOrderRequest().line(sku, 1).buyer(nextBuyer())));
        List<OrderRequests> buyers = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> anOrderRequest().line(sku, 1).buyer(nextBuyer()))
                .toList();

        List<Integer> statuses = race(buyers);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(24);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(16);
        assertThat(reserved(sku)).isEqualTo(25);
        assertThat(count("select count(distinct o.stock_slot) from customer_order o join order_line l using"
                        + " (order_no) where l.sku = '" + sku + "'"))
                .isGreaterThan(4);
        assertThat(count("select sum(allotted) from bond_stock_slot where sku = '" + sku + "'"))
                .isLessThanOrEqualTo(25);
    }

    @Test
    void ordersOfTwoSkusInOppositeLineOrderAllGoThroughWithoutDeadlock() {
        ReferenceData reference = new ReferenceData(operator());
        String ibuprofen = reference.drugInStock("布洛芬片", "68.00", 100);
        String loratadine = reference.drugInStock("氯雷他定片", "35.00", 100);
        List<OrderRequests> orders = java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> i % 2 == 0
                        ? anOrderRequest()
                                .line(ibuprofen, 1)
                                .line(loratadine, 2)
                                .buyer(nextBuyer())
                        : anOrderRequest()
                                .line(loratadine, 2)
                                .line(ibuprofen, 1)
                                .buyer(nextBuyer()))
                .toList();

        List<Integer> statuses = race(orders);

        assertThat(statuses).containsOnly(201);
        assertThat(reserved(ibuprofen)).isEqualTo(16);
        assertThat(reserved(loratadine)).isEqualTo(32);
    }

    @Test
    void refusesTheWholeOrderWhenOneOfItsSkusSellsOutToARacingOrder() {
        ReferenceData reference = new ReferenceData(operator());
        String plenty = reference.drugInStock("布洛芬片", "68.00", 100);
        String scarce = reference.drugInStock("氯雷他定片", "35.00", 3);
        List<OrderRequests> orders = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> anOrderRequest().line(plenty, 1).line(scarce, 1).buyer(nextBuyer()))
                .toList();

        List<Integer> statuses = race(orders);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        assertThat(reserved(plenty))
                .as("the refused orders' units of the other SKU are not held")
                .isEqualTo(3);
        assertThat(count("select count(*) from order_line where sku = '" + plenty + "'"))
                .isEqualTo(3);
        assertThat(count("select coalesce(sum(quantity), 0) from buyer_product_quota where sku = '" + plenty + "'"))
                .isEqualTo(3);
    }
}
