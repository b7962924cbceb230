package cn.cbecpilot.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.OrderJourneyTestBase;
import cn.cbecpilot.platform.support.TracedProducts;
import cn.cbecpilot.platform.support.TracedProducts.Traced;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Events racing on one order, pickers racing for the same codes, and one receipt delivered many times at once. */
class OrderLifecycleRacesIntegrationTest extends OrderJourneyTestBase {

    @LocalServerPort
    int port;

    /** Fires every request at once over separate connections and answers their HTTP statuses. */
    private List<Integer> race(List<Request> requests) {
        WebClient client = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth("operator", "operator"))
                .build();
        return Flux.fromIterable(requests)
                .flatMap(
                        r -> client.post()
                                .uri(r.path())
                                .bodyValue(r.body())
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value()))
                                .timeout(Duration.ofSeconds(30)),
                        requests.size())
                .collectList()
                .toFuture()
                .join();
    }

    private record Request(String path, Object body) {}

    @RepeatedTest(5)
    void ofConcurrentCancellationsOfOneOrderExactlyOneWinsAndStockComesBackOnce() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 2, nextBuyer());

        List<Integer> statuses = race(IntStream.range(0, 8)
                .mapToObj(i -> new Request("/api/console/orders/" + order.orderNo() + "/cancel", Map.of()))
                .toList());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(count("select reserved::bigint from bond_stock_reserved where sku = '" + sku + "'"))
                .isZero();
        assertThat(count("select count(*) from order_history where event = 'CANCEL' and order_no = '" + order.orderNo()
                        + "'"))
                .isEqualTo(1);
    }

    @Test
    void ofConcurrentPaymentsOfOneOrderExactlyOneDeclaresIt() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());
        Map<String, Object> payment = Map.of(
                "payCode",
                "1101980004",
                "transactionId",
                "T1",
                "payer",
                Map.of("name", "张三", "idNumber", order.request().idNumber()),
                "amount",
                order.total());

        List<Integer> statuses = race(IntStream.range(0, 6)
                .mapToObj(i -> new Request("/api/orders/" + order.orderNo() + "/payment", payment))
                .toList());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        assertThat(count("select count(*) from customs_outbox where message_type = 'CEB621' and subject_no = '"
                        + order.orderNo() + "'"))
                .isEqualTo(1);
    }

    @RepeatedTest(5)
    void twoPickersNeverBindOneCode() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);
        List<String> codes = journeys.codes(sku, 3);
        var first = journeys.place(sku, 2, nextBuyer());
        var second = journeys.place(sku, 2, nextBuyer());
        journeys.released(first, clock.instant());
        journeys.released(second, clock.instant());

        List<Integer> statuses = race(List.of(
                new Request("/api/console/orders/" + first.orderNo() + "/pick", Map.of()),
                new Request("/api/console/orders/" + second.orderNo() + "/pick", Map.of())));

        assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        assertThat(count("select count(*) from trace_code where status = 'OUT_OF_BOND' and sku = '" + sku + "'"))
                .isEqualTo(2);
        assertThat(count("select count(distinct order_no) from trace_code where sku = '" + sku + "'"))
                .isEqualTo(1);
        assertThat(codes).hasSize(3);
    }

    @RepeatedTest(5)
    void twoPickersScanningTheSameCodesBindThemToOneOrderOnly() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 10);
        List<String> codes = journeys.codes(sku, 2);
        var first = journeys.place(sku, 2, nextBuyer());
        var second = journeys.place(sku, 2, nextBuyer());
        journeys.released(first, clock.instant());
        journeys.released(second, clock.instant());

        List<Integer> statuses = race(List.of(
                new Request("/api/console/orders/" + first.orderNo() + "/pick", Map.of("codes", codes)),
                new Request("/api/console/orders/" + second.orderNo() + "/pick", Map.of("codes", codes))));

        assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        assertThat(count("select count(distinct order_no) from trace_code where sku = '" + sku + "'"))
                .isEqualTo(1);
        assertThat(count("select sum(remaining) from lot where sku = '" + sku + "'"))
                .isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GS1", "NMPA20"})
    void twoPickersScanningOneRegisteredCodeInDifferentFormsNeverSellItTwice(String scheme) {
        TracedProducts traced = new TracedProducts(operator());
        LocalDate expiry = LocalDate.now().plusYears(2).withDayOfMonth(1);
        Traced product = "GS1".equals(scheme)
                ? traced.device("电子血压计 P" + nextBuyer(), "399.00")
                : traced.drug("布洛芬缓释胶囊 P" + nextBuyer(), "30.00");
        String batch = "P" + (nextBuyer() % 100000);
        List<String> codes = java.util.stream.Stream.of(TracedProducts.serial(), TracedProducts.serial())
                .map(serial -> "GS1".equals(scheme)
                        ? TracedProducts.gs1(product.productKey(), expiry, batch, serial)
                        : TracedProducts.nmpa(product.productKey(), serial))
                .toList();
        traced.lotInBond(product.sku(), batch, expiry, 2, codes);
        String code = codes.get(0);
        String otherForm = "GS1".equals(scheme) ? "]d2" + code.replace("(", "").replace(")", "") : "]C0" + code;
        var first = journeys.place(product.sku(), 1, nextBuyer());
        var second = journeys.place(product.sku(), 1, nextBuyer());

        journeys.released(first, clock.instant());
        journeys.released(second, clock.instant());
        List<Integer> statuses = race(List.of(
                new Request("/api/console/orders/" + first.orderNo() + "/pick", Map.of("codes", List.of(code))),
                new Request("/api/console/orders/" + second.orderNo() + "/pick", Map.of("codes", List.of(otherForm)))));

        assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        assertThat(count("select count(*) from trace_code where status = 'OUT_OF_BOND' and sku = '" + product.sku()
                        + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from trace_event e join trace_code c on c.id = e.code_id"
                        + " where e.type = 'PICKED' and c.sku = '" + product.sku() + "'"))
                .isEqualTo(1);
    }

    @Test
    void oneReceiptDeliveredManyTimesAtOnceIsAppliedOnce() {
        String sku = reference.drugInStock("布洛芬片", "68.00", 5);
        var order = journeys.place(sku, 1, nextBuyer());
        journeys.pay(order).expectStatus().isOk();
        String guid = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);

        List<Boolean> answers = Flux.range(0, 6)
                .flatMap(i -> Mono.fromCallable(
                                () -> journeys.receipt("CEB622", order.orderNo(), "120", clock.instant(), guid))
                        .subscribeOn(Schedulers.boundedElastic()))
                .collectList()
                .toFuture()
                .join();

        assertThat(answers).containsOnly(true);
        assertThat(journeys.status(order.orderNo())).isEqualTo("CUSTOMS_ACCEPTED");
        assertThat(count("select count(*) from order_history where event = 'RECEIPT_622_120' and order_no = '"
                        + order.orderNo() + "'"))
                .isEqualTo(1);
    }
}
