package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.QueryPlans;
import cn.cbecpilot.platform.support.ReferenceData;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The single window's push endpoint: authenticated, safe against hostile XML, and every receipt stored once. */
class ReceiptIntakeIntegrationTest extends IntegrationTestBase {

    @Autowired
    private ParkedReceipts parked;

    @Autowired
    private List<ReceiptConsumer> consumers;

    @Autowired
    private ConnectionFactory connections;

    @Autowired
    private MeterRegistry meters;

    @Test
    void refusesAReceiptWithoutTheBearerToken() {
        String xml = Receipts.inventory(Receipts.guid(), "NOORDER" + nextBuyer(), "120", "ok");

        http.post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists("WWW-Authenticate");
        http.post()
                .uri("/customs/receipts")
                .header("Authorization", "Bearer dev-customs-tokeN")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/customs/receipts")
                .headers(h -> h.setBasicAuth("operator", "operator"))
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(stored(xml.substring(xml.indexOf("guid=\"") + 6, xml.indexOf("guid=\"") + 42)))
                .isZero();
    }

    @Test
    void storesAReceiptForAnUnknownDeclarationAndParksIt() {
        String copNo = "PARKED" + nextBuyer();

        customs()
                .post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(Receipts.inventory(Receipts.guid(), copNo, "120", "逻辑校验通过"))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.receipts")
                .isEqualTo(1);

        assertThat(count("select count(*) from customs_message where direction = 'IN' and subject_no = '" + copNo
                        + "' and not applied and message_type = 'CEB622' and return_status = '120'"))
                .isOne();
        parked.retry(50).toFuture().join();
        assertThat(count("select count(*) from customs_message where subject_no = '" + copNo + "' and not applied"))
                .isOne();
    }

    @Test
    void storesTheSameReceiptDeliveredTwiceOnce() {
        String copNo = "TWICE" + nextBuyer();
        String xml = Receipts.inventory(Receipts.guid(), copNo, "800", "放行");

        for (int i = 0; i < 2; i++) {
            push(xml);
        }

        assertThat(count("select count(*) from customs_message where subject_no = '" + copNo + "'"))
                .isOne();
    }

    /**
     * A receipt pushed alone that only moves its order does it in one statement that also keeps the receipt, no
     * transaction around it: the rows it wrote share its transaction and command ids.
     */
    @Test
    void aReceiptPushedAloneThatMovesItsOrderIsKeptByTheStatementThatMovesIt() {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 2);
        String orderNo = declared(journeys, sku, 1).get(0);

        push(Receipts.inventories(Receipts.guid(), List.of(orderNo), listNumbers(1), "120"));

        assertThat(journeys.status(orderNo)).isEqualTo("CUSTOMS_ACCEPTED");
        assertThat(count("select count(distinct xmin::text || ' ' || cmin::text) from (select xmin, cmin"
                        + " from order_receipt where order_no = '" + orderNo + "' union all select xmin, cmin"
                        + " from order_history where event = 'RECEIPT_622_120' and order_no = '" + orderNo + "'"
                        + " union all select xmin, cmin from customs_message where direction = 'IN' and subject_no = '"
                        + orderNo + "') written"))
                .isOne();
        assertThat(count("select count(*) from customs_message where direction = 'IN' and applied and subject_no = '"
                        + orderNo + "'"))
                .isOne();
    }

    /**
     * A receipt delivered eight times at once (alone, or gathered with its own copies) moves the order once and is
     * kept once, applied.
     */
    @Test
    void aReceiptDeliveredEightTimesAtOnceMovesItsOrderOnceAndIsKeptOnce() throws Exception {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 2);
        String orderNo = declared(journeys, sku, 1).get(0);
        String message = Receipts.inventories(Receipts.guid(), List.of(orderNo), listNumbers(1), "120");

        ExecutorService deliveries = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> delivered = IntStream.range(0, 8)
                    .mapToObj(i -> deliveries.<Void>submit(() -> {
                        start.await();
                        push(message);
                        return null;
                    }))
                    .toList();
            start.countDown();
            for (Future<Void> delivery : delivered) {
                delivery.get(30, TimeUnit.SECONDS);
            }
        } finally {
            deliveries.shutdownNow();
        }

        assertThat(journeys.status(orderNo)).isEqualTo("CUSTOMS_ACCEPTED");
        assertThat(count("select count(*) from order_history where event = 'RECEIPT_622_120' and order_no = '" + orderNo
                        + "'"))
                .isOne();
        assertThat(count("select count(*) from order_receipt where order_no = '" + orderNo + "'"))
                .isOne();
        assertThat(count("select count(*) from customs_message where direction = 'IN' and applied and subject_no = '"
                        + orderNo + "'"))
                .isOne();
    }

    /**
     * An order receipt (312) pushed alone, which only goes on the order's timeline, is noted, recorded as applied and
     * kept by one statement (its rows share the transaction and command ids); delivered again, it changes nothing.
     */
    @Test
    void anOrderReceiptPushedAloneIsNotedAndKeptByOneStatement() {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 2);
        String orderNo = declared(journeys, sku, 1).get(0);
        String message = Receipts.order(Receipts.guid(), orderNo, "120", "[Code:120;Desc:电子订单逻辑校验通过]");

        push(message);
        push(message);

        assertThat(journeys.status(orderNo)).isEqualTo("DECLARED");
        assertThat(texts(
                        "select from_status || ' ' || to_status || ' ' || detail from order_history"
                                + " where event = 'RECEIPT_312_120' and order_no = $1",
                        orderNo))
                .singleElement()
                .asString()
                .startsWith("DECLARED DECLARED ")
                .endsWith("[Code:120;Desc:电子订单逻辑校验通过]");
        assertThat(count("select count(distinct xmin::text || ' ' || cmin::text) from (select xmin, cmin"
                        + " from order_receipt where message_type = 'CEB312' and order_no = '" + orderNo + "'"
                        + " union all select xmin, cmin from order_history where event = 'RECEIPT_312_120'"
                        + " and order_no = '" + orderNo + "' union all select xmin, cmin from customs_message"
                        + " where direction = 'IN' and message_type = 'CEB312' and subject_no = '" + orderNo
                        + "') written"))
                .isOne();
        assertThat(count("select count(*) from customs_message where direction = 'IN' and applied"
                        + " and message_type = 'CEB312' and return_status = '120' and subject_no = '" + orderNo + "'"))
                .isOne();
    }

    /**
     * Forty receipts pushed alone at once, each kept in the transaction that moves its order (rows one transaction
     * wrote share its xmin): alone, by the statement that moves it; arriving while another is written, with the others
     * gathered meanwhile. Each is applied when its pusher is answered.
     */
    @Test
    void receiptsPushedAloneAtOnceAreEachKeptWithTheMoveOfTheirOrder() throws Exception {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 40);
        List<String> orderNos = declared(journeys, sku, 40);
        List<String> invtNos = listNumbers(40);

        ExecutorService deliveries = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> delivered = IntStream.range(0, orderNos.size())
                    .<Future<?>>mapToObj(i -> deliveries.submit(() -> push(Receipts.inventories(
                            Receipts.guid(), List.of(orderNos.get(i)), List.of(invtNos.get(i)), "120"))))
                    .toList();
            for (Future<?> delivery : delivered) {
                delivery.get(30, TimeUnit.SECONDS);
            }
        } finally {
            deliveries.shutdownNow();
        }

        String theirs = " from customs_message m join order_receipt r on r.guid::text = m.guid::text"
                + " where m.direction = 'IN' and m.applied and m.subject_no in ('" + String.join("', '", orderNos)
                + "')";
        assertThat(count("select count(*)" + theirs)).isEqualTo(40);
        assertThat(count("select count(*)" + theirs + " and m.xmin::text <> r.xmin::text"))
                .isZero();
        assertThat(orderNos).allSatisfy(o -> assertThat(journeys.status(o)).isEqualTo("CUSTOMS_ACCEPTED"));
    }

    /**
     * Receipts pushed one to a message while another is being written wait for it and are then written together, in
     * one transaction, each pusher answered once its own is applied.
     */
    @Test
    void receiptsPushedAloneWhileAnotherIsWrittenAreAppliedTogether() throws Exception {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 13);
        List<String> orderNos = declared(journeys, sku, 13);
        List<String> invtNos = listNumbers(13);
        String first = orderNos.get(0);
        List<String> others = orderNos.subList(1, 13);
        String unknown = "UNKNOWN" + nextBuyer();
        Connection other = Mono.from(connections.create()).toFuture().join();
        List<CompletableFuture<Void>> posted = new ArrayList<>();
        try {
            execute(other, "begin");
            execute(other, "select 1 from customer_order where order_no = '" + first + "' for update");
            posted.add(pushLater(first, invtNos.get(0)));
            awaitAReceiptWaitingOnALock();
            for (int i = 1; i < 13; i++) {
                posted.add(pushLater(orderNos.get(i), invtNos.get(i)));
            }
            posted.add(pushLater(unknown, listNumbers(1).get(0)));
            awaitReceiptsWaiting(13);
            assertThat(others).allSatisfy(o -> assertThat(journeys.status(o)).isEqualTo("DECLARED"));
            execute(other, "commit");
        } finally {
            closeRolledBack(other);
        }
        CompletableFuture.allOf(posted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(orderNos).allSatisfy(o -> assertThat(journeys.status(o)).isEqualTo("CUSTOMS_ACCEPTED"));
        // the thirteen receipts stored, twelve orders moved and their receipts marked applied by one transaction; the
        // receipt for an order not known stored unapplied (parked) by it too
        String thirteen = "('" + String.join("', '", others) + "', '" + unknown + "')";
        assertThat(count("select count(distinct xmin::text) from (select xmin from order_receipt where order_no in "
                        + thirteen + " union all select xmin from customs_message where direction = 'IN'"
                        + " and subject_no in " + thirteen + ") written"))
                .isOne();
        assertThat(count("select count(*) from customs_message where direction = 'IN' and not applied"
                        + " and subject_no = '" + unknown + "'"))
                .isOne();
        assertThat(count("select count(*) from order_history where event = 'RECEIPT_622_120' and order_no in ('"
                        + String.join("', '", orderNos) + "')"))
                .isEqualTo(13);
        assertThat(count("select count(*) from customs_message where direction = 'IN' and applied and subject_no in ('"
                        + String.join("', '", orderNos) + "')"))
                .isEqualTo(13);
    }

    /**
     * Receipts gathered into one write whose transaction waits for an order locked elsewhere are written again one by
     * one when it gives up: the others are applied and answered while the lock is still held, the locked one after.
     */
    @Test
    void aGatheredReceiptWaitingForALockedOrderDoesNotHoldUpTheOthers() throws Exception {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 8);
        List<String> orderNos = declared(journeys, sku, 8);
        List<String> invtNos = listNumbers(8);
        String writing = orderNos.get(0);
        String locked = orderNos.get(1);
        List<String> others = orderNos.subList(2, 8);
        Connection first = Mono.from(connections.create()).toFuture().join();
        Connection second = Mono.from(connections.create()).toFuture().join();
        try {
            execute(first, "begin");
            execute(first, "select 1 from customer_order where order_no = '" + writing + "' for update");
            execute(second, "begin");
            execute(second, "select 1 from customer_order where order_no = '" + locked + "' for update");
            CompletableFuture<Void> written = pushLater(writing, invtNos.get(0));
            awaitAReceiptWaitingOnALock();
            // the locked order's receipt first in the next write, then the others
            CompletableFuture<Void> waiting = pushLater(locked, invtNos.get(1));
            awaitReceiptsWaiting(1);
            List<CompletableFuture<Void>> posted = IntStream.range(2, 8)
                    .mapToObj(i -> pushLater(orderNos.get(i), invtNos.get(i)))
                    .toList();
            awaitReceiptsWaiting(7);
            execute(first, "commit");

            CompletableFuture.allOf(posted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            written.get(10, TimeUnit.SECONDS);
            assertThat(others).allSatisfy(o -> assertThat(journeys.status(o)).isEqualTo("CUSTOMS_ACCEPTED"));
            assertThat(waiting).isNotDone();
            assertThat(journeys.status(locked)).isEqualTo("DECLARED");
            execute(second, "commit");
            waiting.get(10, TimeUnit.SECONDS);
        } finally {
            closeRolledBack(first);
            closeRolledBack(second);
        }

        assertThat(orderNos).allSatisfy(o -> assertThat(journeys.status(o)).isEqualTo("CUSTOMS_ACCEPTED"));
        assertThat(count("select count(*) from order_history where event = 'RECEIPT_622_120' and order_no in ('"
                        + String.join("', '", orderNos) + "')"))
                .isEqualTo(8);
    }

    /**
     * The single window may answer up to a hundred lists in one CEB622: each order takes its own list number and
     * status from it, and each receipt is kept as the message around its own InventoryReturn only.
     */
    @Test
    void appliesEachReceiptOfAMessageOfSeveralToItsOwnOrder() {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 4);
        List<String> orderNos = declared(journeys, sku, 2);
        List<String> invtNos = listNumbers(2);

        for (String status : List.of("120", "800")) {
            customs()
                    .post()
                    .uri("/customs/receipts")
                    .contentType(MediaType.APPLICATION_XML)
                    .bodyValue(Receipts.inventories(Receipts.guid(), orderNos, invtNos, status))
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.receipts")
                    .isEqualTo(2);
        }

        for (int i = 0; i < 2; i++) {
            String orderNo = orderNos.get(i);
            String other = orderNos.get(1 - i);
            String own = invtNos.get(i);
            String others = invtNos.get(1 - i);
            assertThat(journeys.status(orderNo)).isEqualTo("RELEASED");
            assertThat(texts("select invt_no from customer_order where order_no = $1", orderNo))
                    .containsExactly(own);
            assertThat(texts("select xml from customs_message where direction = 'IN' and subject_no = $1", orderNo))
                    .hasSize(2)
                    .allSatisfy(xml -> assertThat(xml)
                            .contains("<copNo>" + orderNo + "</copNo>", own)
                            .doesNotContain(other, others));
        }
    }

    @Test
    void appliesAMessageWithAnOrderTwiceAndAnUnknownOneTogether() {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 4);
        String orderNo = declared(journeys, sku, 1).get(0);
        String unknown = "UNKNOWN" + nextBuyer();
        String invtNo = listNumbers(1).get(0);
        String message = Receipts.inventories(
                Receipts.guid(),
                List.of(orderNo, unknown, orderNo),
                List.of(invtNo, invtNo, invtNo),
                List.of("120", "120", "800"));

        for (int delivery = 0; delivery < 2; delivery++) {
            push(message);
            // as if the platform had stopped after applying the receipts and before marking them: delivered again,
            // they are found applied to the order already and change nothing
            db.sql("update customs_message set applied = false where direction = 'IN' and subject_no = $1")
                    .bind(0, orderNo)
                    .then()
                    .toFuture()
                    .join();
        }

        assertThat(journeys.status(orderNo)).isEqualTo("RELEASED");
        assertThat(transactionsThatApplied(List.of(orderNo))).isOne();
        // the receipt for the order not known stored by the transaction that applied the others
        assertThat(count("select count(distinct xmin::text) from (select xmin from order_receipt where order_no = '"
                        + orderNo + "' union all select xmin from customs_message where direction = 'IN'"
                        + " and subject_no = '" + unknown + "') written"))
                .isOne();
        assertThat(texts("select event from order_history where order_no = $1 order by id", orderNo))
                .containsSubsequence("RECEIPT_622_120", "RECEIPT_622_800")
                .filteredOn(e -> e.startsWith("RECEIPT_"))
                .hasSize(2);
        assertThat(texts("select invt_no from customer_order where order_no = $1", orderNo))
                .containsExactly(invtNo);
        assertThat(count("select count(*) from customs_message where direction = 'IN' and subject_no = '" + unknown
                        + "' and not applied"))
                .isOne();
    }

    /**
     * The orders a message moves are moved by one statement (the timeline rows a statement writes share its command
     * id), in the transaction that also stores the message's receipts and notes a receipt of it that moves nothing.
     */
    @Test
    void movesTheOrdersOfAMessageInOneStatementBesideAReceiptThatMovesNothing() {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 6);
        List<String> orderNos = declared(journeys, sku, 3);
        List<String> invtNos = listNumbers(3);
        String released = orderNos.get(2);
        for (String status : List.of("120", "800")) {
            push(Receipts.inventories(Receipts.guid(), List.of(released), List.of(invtNos.get(2)), status));
        }

        long last = count("select max(id) from customs_message");

        push(Receipts.inventories(Receipts.guid(), orderNos, invtNos, "120"));

        for (int i = 0; i < 2; i++) {
            assertThat(journeys.status(orderNos.get(i))).isEqualTo("CUSTOMS_ACCEPTED");
            assertThat(texts(
                            "select invt_no || ' ' || customs_status from customer_order where order_no = $1",
                            orderNos.get(i)))
                    .containsExactly(invtNos.get(i) + " 120");
        }
        String moved = "('" + orderNos.get(0) + "', '" + orderNos.get(1) + "')";
        assertThat(count("select count(distinct cmin::text) from order_history where event = 'RECEIPT_622_120'"
                        + " and order_no in " + moved))
                .isOne();
        // the third order's 120 is older than the 800 that released it: noted, in the same transaction
        assertThat(journeys.status(released)).isEqualTo("RELEASED");
        assertThat(texts("select customs_status from customer_order where order_no = $1", released))
                .containsExactly("800");
        assertThat(texts("select event from order_history where order_no = $1 order by id", released))
                .containsSubsequence("RECEIPT_622_120", "RECEIPT_622_800", "RECEIPT_622_120");
        assertThat(count("select count(distinct xmin::text) from (select xmin from order_history"
                        + " where event = 'RECEIPT_622_120' and order_no in ('" + String.join("', '", orderNos)
                        + "') and id > (select max(id) from order_history where order_no = '" + released
                        + "' and event = 'RECEIPT_622_800') union all select xmin from customs_message"
                        + " where direction = 'IN' and id > " + last + ") written"))
                .isOne();
        assertThat(count("select count(*) from customs_message where direction = 'IN' and applied and id > " + last))
                .isEqualTo(3);
    }

    @Test
    void appliesAMessageReceiptByReceiptWhenOneOfItsReceiptsGivesStockBack() {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 4);
        List<String> orderNos = declared(journeys, sku, 2);
        List<String> invtNos = listNumbers(2);

        push(Receipts.inventories(Receipts.guid(), orderNos, invtNos, List.of("120", "700")));

        assertThat(journeys.status(orderNos.get(0))).isEqualTo("CUSTOMS_ACCEPTED");
        assertThat(journeys.status(orderNos.get(1))).isEqualTo("RETURNED_ABROAD");
        // the order sent back abroad gave its unit back: one of the two stays reserved
        assertThat(reserved(sku)).isOne();
        // held back from the message's transaction, which would have held the stock row to its end
        assertThat(transactionsThatApplied(orderNos)).isEqualTo(2);
        assertThat(count("select count(*) from customs_message where direction = 'IN' and subject_no in ('"
                        + String.join("', '", orderNos) + "') and applied"))
                .isEqualTo(2);
    }

    @Test
    void appliesAMessageAgainReceiptByReceiptWhenAnOrderInItChangedMeanwhile() throws Exception {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 4);
        List<String> orderNos = declared(journeys, sku, 2);
        List<String> invtNos = listNumbers(2);
        Connection other = Mono.from(connections.create()).toFuture().join();
        CompletableFuture<Void> posted;
        try {
            // another change to the first order, not committed yet: the message's move of it waits for it
            execute(other, "begin");
            execute(
                    other,
                    "update customer_order set version = version + 1 where order_no = '" + orderNos.get(0) + "'");
            posted = CompletableFuture.runAsync(() -> customs()
                    .post()
                    .uri("/customs/receipts")
                    .contentType(MediaType.APPLICATION_XML)
                    .bodyValue(Receipts.inventories(Receipts.guid(), orderNos, invtNos, "120"))
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.receipts")
                    .isEqualTo(2));
            awaitAReceiptWaitingOnALock();
            execute(other, "commit");
        } finally {
            Mono.from(other.close()).toFuture().join();
        }
        posted.get(20, TimeUnit.SECONDS);

        assertThat(transactionsThatApplied(orderNos)).isEqualTo(2);

        for (String orderNo : orderNos) {
            assertThat(journeys.status(orderNo)).isEqualTo("CUSTOMS_ACCEPTED");
            assertThat(count("select count(*) from order_history where order_no = '" + orderNo
                            + "' and event = 'RECEIPT_622_120'"))
                    .isOne();
            assertThat(count("select count(*) from customs_message where direction = 'IN' and subject_no = '" + orderNo
                            + "' and applied"))
                    .isOne();
        }
    }

    /**
     * A message whose transaction waits for an order locked elsewhere gives up after its lock timeout, and its other
     * orders are applied one by one while the lock is still held; the locked one when it is released.
     */
    @Test
    void aMessageWaitingForALockedOrderDoesNotHoldUpItsOtherOrders() throws Exception {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 4);
        List<String> orderNos = declared(journeys, sku, 2);
        List<String> invtNos = listNumbers(2);
        Connection other = Mono.from(connections.create()).toFuture().join();
        CompletableFuture<Void> posted;
        try {
            execute(other, "begin");
            execute(other, "select 1 from customer_order where order_no = '" + orderNos.get(0) + "' for update");
            posted = CompletableFuture.runAsync(
                    () -> push(Receipts.inventories(Receipts.guid(), orderNos, invtNos, "120")));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "CUSTOMS_ACCEPTED".equals(journeys.status(orderNos.get(1))));
            assertThat(journeys.status(orderNos.get(0))).isEqualTo("DECLARED");
            execute(other, "commit");
        } finally {
            Mono.from(other.close()).toFuture().join();
        }
        posted.get(20, TimeUnit.SECONDS);

        for (String orderNo : orderNos) {
            assertThat(journeys.status(orderNo)).isEqualTo("CUSTOMS_ACCEPTED");
            assertThat(count("select count(*) from order_history where order_no = '" + orderNo
                            + "' and event = 'RECEIPT_622_120'"))
                    .isOne();
        }
    }

    @Test
    void storesAndMarksAMessagesReceiptsThroughTheIndex() {
        String[] guids = {Receipts.guid(), Receipts.guid()};
        String[] texts = {"CEB622", "CEB622"};
        String[] times = {"2026-12-03T02:15:30Z", "2026-12-03T02:15:31Z"};

        List<String> plans = Stream.of(
                        QueryPlans.of(
                                connections,
                                ReceiptRecording.STORE,
                                guids,
                                texts,
                                guids,
                                texts,
                                texts,
                                times,
                                texts,
                                Instant.now())
                                .stream(),
                        QueryPlans.of(connections, ReceiptRecording.MARK, (Object) guids).stream(),
                        QueryPlans.of(
                                connections,
                                ReceiptRecording.STORE_ONE,
                                guids[0],
                                texts[0],
                                guids[1],
                                texts[0],
                                texts[0],
                                Instant.now(),
                                texts[0],
                                Instant.now())
                                .stream(),
                        QueryPlans.of(connections, ReceiptRecording.MARK_ONE, guids[0]).stream())
                .flatMap(s -> s)
                .toList();

        // a guid compared as text would be filtered row by row along an index of every receipt
        assertThat(plans).anyMatch(l -> l.contains("customs_message")).noneMatch(l -> l.contains("Seq Scan"));
        assertThat(plans).noneMatch(l -> l.strip().startsWith("Filter:") && l.contains("guid"));
    }

    @Test
    void aReceiptPushedAloneIsStoredAndMarkedByPlansPostgreSQLKeeps() {
        long stored = QueryPlans.keptPlans(connections, ReceiptRecording.STORE_ONE, 12, i -> new Object[] {
            Receipts.guid(), "CEB622", "KEPT" + i, "120", "ok", Instant.now(), "<CEB622Message/>", Instant.now()
        });
        long marked =
                QueryPlans.keptPlans(connections, ReceiptRecording.MARK_ONE, 12, i -> new Object[] {Receipts.guid()});

        assertThat(List.of(stored, marked)).allSatisfy(kept -> assertThat(kept).isGreaterThanOrEqualTo(7));
    }

    /** A receipt 120 for the order, pushed alone from another thread. */
    private CompletableFuture<Void> pushLater(String orderNo, String invtNo) {
        String message = Receipts.inventories(Receipts.guid(), List.of(orderNo), List.of(invtNo), "120");
        return CompletableFuture.runAsync(() -> push(message));
    }

    private void awaitAReceiptWaitingOnALock() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and query like '%customer_order%'")
                        > 0);
    }

    /** Until this many receipts pushed alone wait for the write under way. */
    private void awaitReceiptsWaiting(int n) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get(ReceiptRecording.WAITING).gauge().value() == n);
    }

    /** Posts a message (its text or bytes) as the single window does, and expects it taken. */
    private void push(Object message) {
        customs()
                .post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(message)
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    /** Orders placed and paid, so declared to customs, of one unit each. */
    private List<String> declared(OrderJourneys journeys, String sku, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> journeys.place(sku, 1, nextBuyer()))
                .peek(o -> OrderJourneys.ok(journeys.pay(o), "DECLARED"))
                .map(OrderJourneys.Placed::orderNo)
                .toList();
    }

    private List<String> listNumbers(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> "01142026I%09d".formatted(nextBuyer() % 1_000_000_000))
                .toList();
    }

    /** How many transactions recorded the receipts applied to these orders (rows one transaction wrote share its xmin). */
    private long transactionsThatApplied(List<String> orderNos) {
        return count("select count(distinct xmin::text) from order_receipt where order_no in ('"
                + String.join("', '", orderNos) + "')");
    }

    @Test
    void takesAReceiptInsideADxpEnvelope() {
        String copNo = "DXP" + nextBuyer();
        byte[] envelope = Receipts.inDxpEnvelope(Receipts.inventory(Receipts.guid(), copNo, "120", "ok"), "CEB622");

        push(envelope);

        assertThat(count("select count(*) from customs_message where subject_no = '" + copNo + "'"))
                .isOne();
    }

    @Test
    void refusesHostileAndMalformedXmlWithA400AndStoresNothing() {
        // Receipts the simulator answers to requests of earlier tests may land meanwhile: look for these inputs only.
        long last = count("select coalesce(max(id), 0) from customs_message");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\">&x;</CEB622Message>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\">&b;</CEB622Message>";
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        for (String hostile : new String[] {xxe, laughs, deep, "<CEB622Message", "not xml at all", "<x/>"}) {
            customs()
                    .post()
                    .uri("/customs/receipts")
                    .contentType(MediaType.APPLICATION_XML)
                    .bodyValue(hostile)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isNotEmpty();
        }
        customs()
                .post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .exchange()
                .expectStatus()
                .isBadRequest();

        assertThat(count("select count(*) from customs_message where id > " + last
                        + " and (xml like '%ENTITY%' or xml like '%<a><a>%'"
                        + " or xml in ('', '<CEB622Message', 'not xml at all', '<x/>'))"))
                .isZero();
    }

    @Test
    void refusesAnOversizedReceipt() {
        String huge = Receipts.inventory(Receipts.guid(), "HUGE", "120", "x".repeat(3_000_000));

        customs()
                .post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(huge)
                .exchange()
                .expectStatus()
                .value(s -> assertThat(s).isIn(400, 413));
    }

    private WebTestClient customs() {
        return http.mutate()
                .defaultHeader("Authorization", "Bearer dev-customs-token")
                .build();
    }

    private long stored(String guid) {
        return count("select count(*) from customs_message where xml like '%" + guid + "%'");
    }
}
