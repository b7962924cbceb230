package cn.cbecpilot.platform.recall;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.TracedProducts;
import cn.cbecpilot.platform.support.TracedProducts.Traced;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Recall campaigns over HTTP: stock blocked at once, orders and buyers reached, notices sent, units retrieved. */
class RecallIntegrationTest extends IntegrationTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private cn.cbecpilot.platform.privacy.PersonalData personalData;

    private static final LocalDate EXPIRY = LocalDate.now().plusYears(2).withDayOfMonth(1);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    List<ReceiptConsumer> consumers;

    private TracedProducts traced;
    private OrderJourneys journeys;

    @BeforeEach
    void fixtures() {
        traced = new TracedProducts(operator());
        journeys = new OrderJourneys(http, operator(), db, consumers);
    }

    private WebTestClient.ResponseSpec place(String sku, int quantity) {
        return http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(
                        anOrderRequest().line(sku, quantity).buyer(nextBuyer()).body())
                .exchange();
    }

    private String placed(String sku, int quantity) {
        return (String) place(sku, quantity)
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("orderNo");
    }

    private WebTestClient.ResponseSpec recall(Map<String, Object> body) {
        return operator().post().uri("/api/console/recalls").bodyValue(body).exchange();
    }

    private Map<String, Object> recalled(Map<String, Object> body) {
        return recall(body)
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> details(String recallNo) {
        return operator()
                .get()
                .uri("/api/console/recalls/{no}", recallNo)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> progress(Map<String, Object> recall) {
        return (Map<String, Object>) recall.get("progress");
    }

    /** The same recall sent twice (a double click) opens one campaign; the second names a batch already blocked. */
    @Test
    void refusesToRecallABatchARecallBlockedAlready() {
        Traced device = traced.device("电子血压计 R9", "399.00");
        traced.lotInBond(device.sku(), "BR9", EXPIRY, 3, null);
        Map<String, Object> body = Map.of("sku", device.sku(), "batchNos", List.of("BR9"), "reason", "电池漏液");
        recalled(body);

        recall(body)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("ALREADY_RECALLED")
                .jsonPath("$.violations[0].field")
                .isEqualTo("batchNos[0]");
        recall(Map.of("sku", device.sku(), "reason", "电池漏液"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("NOTHING_TO_RECALL");
        assertThat(count("select count(*) from recall where sku = '" + device.sku() + "'"))
                .isOne();
    }

    @Test
    void blocksALotInBondSoThatPlacementIsRefusedWithStockAndListsTheOrdersThatReservedIt() {
        Traced device = traced.device("电子血压计 R1", "399.00");
        List<String> codes = traced.lotInBond(device.sku(), "BR1", EXPIRY, 5, null);
        String reserving = placed(device.sku(), 2);

        Map<String, Object> opened =
                recalled(Map.of("sku", device.sku(), "batchNos", List.of("BR1"), "reason", "袖带气阀漏气，测量偏低"));

        assertThat((String) opened.get("recallNo")).startsWith("RC");
        assertThat(opened).containsEntry("blockedUnits", 5).containsEntry("affectedOrders", List.of(reserving));
        assertThat(count("select count(*) from lot where sku = '" + device.sku() + "' and recalled"))
                .isEqualTo(1);
        assertThat(count("select count(*) from trace_code where sku = '" + device.sku() + "' and status = 'RECALLED'"))
                .isEqualTo(5);
        place(device.sku(), 1)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[?(@.code == 'STOCK')]")
                .isNotEmpty();
        http.get()
                .uri("/api/trace/{code}", codes.get(0))
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("RECALLED")
                .jsonPath("$.recall.recallNo")
                .isEqualTo(opened.get("recallNo"))
                .jsonPath("$.events[1].type")
                .isEqualTo("RECALLED");
    }

    @Test
    void showsTheAffectedBuyerMaskedAndSendsANoticeToEachAffectedOrder() {
        Traced device = traced.device("电子血压计 R2", "399.00");
        traced.lotInBond(device.sku(), "BR2", EXPIRY, 2, null);
        String orderNo = placed(device.sku(), 2);
        String recallNo =
                (String) recalled(Map.of("sku", device.sku(), "reason", "校准偏差")).get("recallNo");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(progress(details(recallNo))).containsEntry("notified", 1));

        Map<String, Object> recall = details(recallNo);
        assertThat(recall).containsEntry("sku", device.sku()).containsEntry("productName", "电子血压计 R2");
        assertThat(progress(recall))
                .containsEntry("blocked", 2)
                .containsEntry("inBond", 2)
                .containsEntry("outOfBond", 0)
                .containsEntry("delivered", 0)
                .containsEntry("notices", 1)
                .containsEntry("retrieved", 0);
        assertThat((List<?>) recall.get("affectedOrders")).singleElement().satisfies(o -> {
            Map<String, Object> order = map(o);
            assertThat(order).containsEntry("orderNo", orderNo).containsEntry("kind", "RESERVED");
            assertThat(map(order.get("buyer"))).containsEntry("name", "张*").containsEntry("phone", "138****5678");
            assertThat(map(order.get("notice"))).containsEntry("status", "SENT").containsKey("sentAt");
        });
        assertThat(count("select count(*) from recall_notice where order_no = '" + orderNo + "' and message like '%"
                        + recallNo + "%' and message not like '%张三%' and recipient like 'pd1:%'"))
                .isEqualTo(1);
        assertThat(personalData.open(db.sql("select recipient from recall_notice where order_no = $1")
                        .bind(0, orderNo)
                        .map((r, m) -> r.get(0, String.class))
                        .one()
                        .toFuture()
                        .join()))
                .isEqualTo("13812345678");
        operator()
                .get()
                .uri("/api/console/recalls")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.recallNo == '" + recallNo + "')].affectedOrders")
                .isEqualTo(List.of(1));
    }

    @Test
    void blocksSingleCodesInBondAndReachesNoOrderWhileTheRestCoversEveryReservation() {
        Traced device = traced.device("电子血压计 R3", "399.00");
        List<String> codes = traced.lotInBond(device.sku(), "BR3", EXPIRY, 4, null);
        placed(device.sku(), 1);

        Map<String, Object> opened =
                recalled(Map.of("sku", device.sku(), "codes", List.of(codes.get(3)), "reason", "外壳裂纹"));

        assertThat(opened).containsEntry("blockedUnits", 1).containsEntry("affectedOrders", List.of());
        assertThat(count("select count(*) from lot where sku = '" + device.sku() + "' and not recalled"
                        + " and remaining = 3"))
                .isEqualTo(1);
        placed(device.sku(), 2);
        place(device.sku(), 1).expectStatus().isEqualTo(422);
    }

    @Test
    void refusesAnUnknownBatchAnUnknownCodeACodeOfAnotherSkuAndAMalformedCodeWritingNothing() {
        Traced device = traced.device("电子血压计 R4", "399.00");
        Traced other = traced.device("电子血压计 R4b", "399.00");
        traced.lotInBond(device.sku(), "BR4", EXPIRY, 1, null);
        String otherCode =
                traced.lotInBond(other.sku(), "BR4B", EXPIRY, 1, null).get(0);

        recall(Map.of(
                        "sku",
                        device.sku(),
                        "batchNos",
                        List.of("BR4", "NOPE"),
                        "codes",
                        List.of("(01)" + device.productKey() + "(21)NOSUCH", otherCode, "(01)04987654321002(21)X"),
                        "reason",
                        "test"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[*].code")
                .isEqualTo(List.of("BAD_CHECK_DIGIT", "UNKNOWN_BATCH", "UNKNOWN_CODE", "WRONG_PRODUCT"));

        assertThat(count("select count(*) from recall where sku = '" + device.sku() + "'"))
                .isZero();
        assertThat(count("select count(*) from lot where sku = '" + device.sku() + "' and recalled"))
                .isZero();
        assertThat(count("select count(*) from trace_code where sku = '" + device.sku() + "' and status = 'IN_BOND'"))
                .isEqualTo(1);
        recall(Map.of("sku", "NO-SUCH-SKU", "reason", "x"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("UNKNOWN_PRODUCT");
        recall(Map.of("sku", device.sku())).expectStatus().isBadRequest();
    }

    @Test
    void letsOnlyComplianceOrAdminOpenARecall() {
        String name = "clerk" + nextBuyer();
        db.sql("insert into operator (username, password_hash, roles) values ($1, $2, 'OPERATOR')")
                .bind(0, name)
                .bind(1, passwords.encode("clerk-pass"))
                .then()
                .toFuture()
                .join();
        WebTestClient clerk = http.mutate()
                .defaultHeaders(h -> h.setBasicAuth(name, "clerk-pass"))
                .build();

        clerk.post()
                .uri("/api/console/recalls")
                .bodyValue(Map.of("sku", "DEV-BPM-7", "reason", "not allowed"))
                .exchange()
                .expectStatus()
                .isForbidden();
        clerk.get().uri("/api/console/recalls").exchange().expectStatus().isOk();
        assertThat(count("select count(*) from lot where sku = 'DEV-BPM-7' and recalled"))
                .isZero();
    }

    /** The order is placed, paid, released by customs, picked with the scanned code and handed to the carrier. */
    @Test
    void reachesTheOrderHoldingARecalledUnitAndCountsItsRetrieval() {
        Traced device = traced.device("电子血压计 R6", "399.00");
        List<String> codes = traced.lotInBond(device.sku(), "BR6", EXPIRY, 3, null);
        var order = journeys.place(device.sku(), 1, nextBuyer());
        String orderNo = order.orderNo();
        String picked = codes.get(0);
        journeys.released(order, clock.instant());
        journeys.picked(orderNo, List.of(picked));
        journeys.handedOver(orderNo);

        Map<String, Object> opened = recalled(Map.of("sku", device.sku(), "codes", codes, "reason", "电池过热"));

        assertThat(opened).containsEntry("blockedUnits", 3).containsEntry("affectedOrders", List.of(orderNo));
        String recallNo = (String) opened.get("recallNo");
        assertThat(progress(details(recallNo)))
                .containsEntry("inBond", 2)
                .containsEntry("outOfBond", 1)
                .containsEntry("retrieved", 0);
        assertThat((List<?>) details(recallNo).get("affectedOrders"))
                .singleElement()
                .satisfies(o ->
                        assertThat(map(o)).containsEntry("kind", "HOLDS_UNITS").containsEntry("units", 1));

        Map<String, Object> body = new HashMap<>(Map.of("codes", List.of(picked)));
        retrieve(recallNo, body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.retrieved")
                .isEqualTo(1)
                .jsonPath("$.progress.retrieved")
                .isEqualTo(1);
        retrieve(recallNo, body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.retrieved")
                .isEqualTo(0)
                .jsonPath("$.alreadyRetrieved")
                .isEqualTo(1);
        retrieve(recallNo, Map.of("codes", List.of("(01)" + device.productKey() + "(21)NOSUCH")))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("NOT_IN_RECALL");
        http.get()
                .uri("/api/trace/{code}", picked)
                .exchange()
                .expectBody()
                .jsonPath("$.recall.retrieved")
                .isEqualTo(true)
                .jsonPath("$.events[*].type")
                .isEqualTo(List.of("REGISTERED", "PICKED", "HANDED_OVER", "RECALLED", "RETRIEVED"));
        retrieve("RC00000000999999", body).expectStatus().isNotFound();
    }

    @Test
    void countsAUnitTheBuyerSignedForAsDeliveredAndBlocksTheUnitStillInBond() {
        Traced device = traced.device("电子血压计 R7", "399.00");
        List<String> codes = traced.lotInBond(device.sku(), "BR7", EXPIRY, 2, null);
        var order = journeys.place(device.sku(), 1, nextBuyer());
        journeys.released(order, clock.instant());
        journeys.picked(order.orderNo(), null);
        journeys.handedOver(order.orderNo());
        journeys.delivered(order.orderNo());

        Map<String, Object> opened =
                recalled(Map.of("sku", device.sku(), "batchNos", List.of("BR7"), "reason", "显示屏读数漂移"));

        assertThat(opened).containsEntry("blockedUnits", 2).containsEntry("affectedOrders", List.of(order.orderNo()));
        assertThat(progress(details((String) opened.get("recallNo"))))
                .containsEntry("blocked", 2)
                .containsEntry("inBond", 1)
                .containsEntry("outOfBond", 0)
                .containsEntry("delivered", 1);
        http.get()
                .uri("/api/trace/{code}", codes.get(0))
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("RECALLED")
                .jsonPath("$.events[*].type")
                .isEqualTo(List.of("REGISTERED", "PICKED", "HANDED_OVER", "DELIVERED", "RECALLED"));
        assertThat(journeys.status(order.orderNo())).isEqualTo("DELIVERED");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    private WebTestClient.ResponseSpec retrieve(String recallNo, Map<String, Object> body) {
        return operator()
                .post()
                .uri("/api/console/recalls/{no}/retrieved", recallNo)
                .bodyValue(body)
                .exchange();
    }
}
