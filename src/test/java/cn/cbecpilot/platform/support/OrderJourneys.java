package cn.cbecpilot.platform.support;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;

import cn.cbecpilot.platform.customs.CustomsReceipt;
import cn.cbecpilot.platform.customs.ReceiptConsumer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Walks orders through their lifecycle the way the storefront, the operator and customs do: over HTTP, and receipts
 * through the platform's receipt consumer. Any capability's tests use it to bring an order to the state they need
 * by the real API, never by writing the order's rows.
 */
public final class OrderJourneys {

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final DateTimeFormatter RETURN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.ofHours(8));

    private final WebTestClient http;
    private final WebTestClient operator;
    private final DatabaseClient db;
    private final List<ReceiptConsumer> consumers;

    public OrderJourneys(
            WebTestClient http, WebTestClient operator, DatabaseClient db, List<ReceiptConsumer> consumers) {
        this.http = http;
        this.operator = operator;
        this.db = db;
        this.consumers = consumers;
    }

    /** A placed order: its number, token, total and the buyer's request. */
    public record Placed(String orderNo, String token, String total, OrderRequests request) {}

    public Placed place(String sku, int quantity, long buyer) {
        return place(anOrderRequest().line(sku, quantity).buyer(buyer));
    }

    public Placed place(OrderRequests request) {
        Map<String, Object> body = http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(request.body())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return new Placed(
                (String) body.get("orderNo"), (String) body.get("orderToken"), (String) body.get("total"), request);
    }

    public WebTestClient.ResponseSpec pay(Placed order, String payerName, String payerId, String amount) {
        return http.post()
                .uri("/api/orders/{no}/payment", order.orderNo())
                .header("X-Order-Token", order.token())
                .bodyValue(Map.of(
                        "payCode",
                        "1101980004",
                        "transactionId",
                        "T" + order.orderNo(),
                        "payer",
                        Map.of("name", payerName, "idNumber", payerId),
                        "amount",
                        amount))
                .exchange();
    }

    public WebTestClient.ResponseSpec pay(Placed order) {
        return pay(order, "张三", order.request().idNumber(), order.total());
    }

    public WebTestClient.ResponseSpec consumer(Placed order, String action) {
        return http.post()
                .uri("/api/orders/{no}/" + action, order.orderNo())
                .header("X-Order-Token", order.token())
                .exchange();
    }

    public WebTestClient.ResponseSpec console(String orderNo, String action, Object body) {
        var request = operator.post().uri("/api/console/orders/{no}/" + action, orderNo);
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    public Map<String, Object> details(String orderNo) {
        return operator.get()
                .uri("/api/orders/{no}", orderNo)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    public String status(String orderNo) {
        return (String) details(orderNo).get("status");
    }

    /** Hands a receipt to the consumer that takes its type; answers what the consumer answered. */
    public boolean receipt(String type, String orderNo, String status, Instant returnTime, String guid) {
        CustomsReceipt receipt = new CustomsReceipt(
                type,
                guid,
                orderNo,
                status,
                "[Code:" + status + "]",
                returnTime,
                xml(type, orderNo, status, returnTime));
        ReceiptConsumer consumer =
                consumers.stream().filter(c -> c.accepts(receipt)).findFirst().orElseThrow();
        return consumer.apply(receipt).toFuture().join();
    }

    public boolean receipt(String type, String orderNo, String status, Instant returnTime) {
        return receipt(
                type, orderNo, status, returnTime, UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
    }

    /** Pays and has customs release the order at {@code releasedAt}. */
    public void released(Placed order, Instant releasedAt) {
        pay(order).expectStatus().isOk();
        receipt("CEB622", order.orderNo(), "120", releasedAt.minusSeconds(60));
        receipt("CEB622", order.orderNo(), "800", releasedAt);
    }

    /** Picks the released order with the given codes (null: first expiry first out) through the operator API. */
    public void picked(String orderNo, List<String> codes) {
        ok(console(orderNo, "pick", codes == null ? null : Map.of("codes", codes)), "OUT_OF_BOND");
    }

    /** The carrier took the picked order's parcel. */
    public void handedOver(String orderNo) {
        ok(console(orderNo, "handover", null), "IN_TRANSIT");
    }

    /** The consumer signed for the parcel. */
    public void delivered(String orderNo) {
        ok(console(orderNo, "delivered", null), "DELIVERED");
    }

    /** Registers {@code n} coded units of the SKU in its lot (goods entering bond with their codes). */
    public List<String> codes(String sku, int n) {
        Long lot = db.sql("select id from lot where sku = $1 order by id limit 1")
                .bind(0, sku)
                .map((r, m) -> r.get(0, Long.class))
                .one()
                .toFuture()
                .join();
        List<String> raws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String serial = String.format("%09d", SERIALS.incrementAndGet() % 1_000_000_000L);
            String raw = "8123456" + serial + "4321";
            db.sql("insert into trace_code (scheme, product_key, serial, raw, sku, lot_id) values"
                            + " ('NMPA20', '8123456', $1, $2, $3, $4)")
                    .bind(0, serial)
                    .bind(1, raw)
                    .bind(2, sku)
                    .bind(3, lot)
                    .then()
                    .toFuture()
                    .join();
            raws.add(raw);
        }
        return raws;
    }

    private static String xml(String type, String orderNo, String status, Instant at) {
        if (!"CEB622".equals(type)) {
            return "";
        }
        String invtNo =
                "800".equals(status) ? "<invtNo>29242020I" + orderNo.substring(orderNo.length() - 9) + "</invtNo>" : "";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<CEB622Message version=\"1.0\" xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"G\">"
                + "<InventoryReturn><guid>G</guid><customsCode>0101</customsCode><ebpCode>1101980001</ebpCode>"
                + "<ebcCode>1101980002</ebcCode><agentCode>1101980001</agentCode><copNo>" + orderNo + "</copNo>"
                + "<preNo>B20260101000000001</preNo>" + invtNo + "<returnStatus>" + status + "</returnStatus>"
                + "<returnTime>" + RETURN_TIME.format(at) + "</returnTime><returnInfo>x</returnInfo>"
                + "</InventoryReturn></CEB622Message>";
    }

    public static void ok(WebTestClient.ResponseSpec spec, String status) {
        spec.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(status);
    }

    public static HttpStatus status(WebTestClient.ResponseSpec spec) {
        return HttpStatus.valueOf(spec.returnResult(String.class).getStatus().value());
    }
}
