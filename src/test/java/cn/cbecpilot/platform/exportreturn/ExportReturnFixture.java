package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.customs.CustomsReceipt;
import cn.cbecpilot.platform.customs.ReceiptConsumer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Export lists and returns made through the operator API, and receipts handed to the consumer, as customs would. */
final class ExportReturnFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final WebTestClient operator;
    private final ReceiptConsumer receipts;

    ExportReturnFixture(WebTestClient operator, ReceiptConsumer receipts) {
        this.operator = operator;
        this.receipts = receipts;
    }

    static String newListNo() {
        return "IT" + (System.nanoTime() % 1_000_000_000L) + SEQUENCE.incrementAndGet();
    }

    /** Imports a list released on the given day with two lines: 10 units of a drug, 3 coded units of a device. */
    String exportList(LocalDate releasedOn, boolean rebateClaimed) {
        String no = newListNo();
        operator.post()
                .uri("/api/console/export-lists")
                .bodyValue(listBody(no, releasedOn, rebateClaimed))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED);
        return no;
    }

    static Map<String, Object> listBody(String no, LocalDate releasedOn, boolean rebateClaimed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exportListNo", no);
        body.put("tradeMode", "9610");
        body.put("customsCode", "0101");
        body.put("portCode", "0101");
        body.put("ebpCode", "1101980001");
        body.put("ebcCode", "1101980002");
        body.put("logisticsCode", "1101980003");
        body.put("country", "304");
        body.put("declaredOn", releasedOn.minusDays(1).toString());
        body.put("releasedOn", releasedOn.toString());
        body.put("rebateClaimed", rebateClaimed);
        body.put(
                "lines",
                List.of(
                        Map.of("gnum", 1, "gcode", "3004909099", "name", "布洛芬缓释胶囊", "quantity", 10, "unit", "142"),
                        Map.of(
                                "gnum",
                                2,
                                "gcode",
                                "9018390000",
                                "name",
                                "注射器",
                                "quantity",
                                3,
                                "unit",
                                "011",
                                "codes",
                                codes(no))));
        return body;
    }

    static List<String> codes(String listNo) {
        return List.of(listNo + "C1", listNo + "C2", listNo + "C3");
    }

    static Map<String, Object> line(String listNo, int gnum, int quantity, List<String> codes) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("exportListNo", listNo);
        line.put("gnum", gnum);
        line.put("quantity", quantity);
        if (codes != null) {
            line.put("codes", codes);
        }
        return line;
    }

    WebTestClient.ResponseSpec apply(List<Map<String, Object>> lines) {
        return operator.post()
                .uri("/api/export-returns")
                .bodyValue(Map.of("lines", lines))
                .exchange();
    }

    /** Applies and answers the number of the return, which must have been declared at once. */
    String declared(List<Map<String, Object>> lines) {
        Map<?, ?> answer = apply(lines)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        if (answer == null || !"DECLARED".equals(answer.get("status"))) {
            throw new AssertionError("not declared: " + answer);
        }
        return (String) answer.get("returnNo");
    }

    Map<?, ?> details(String returnNo) {
        return operator.get()
                .uri("/api/export-returns/{no}", returnNo)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    String status(String returnNo) {
        return (String) details(returnNo).get("status");
    }

    WebTestClient.ResponseSpec post(String path, Object body) {
        return operator.post().uri(path).bodyValue(body).exchange();
    }

    /** Hands a CEB214 receipt for the return to the consumer, as the intake would; answers whether it was known. */
    boolean refundReceipt(String returnNo, String status) {
        return receipt("CEB214", UUID.randomUUID().toString().toUpperCase(Locale.ROOT), returnNo, status);
    }

    boolean receipt(String type, String guid, String returnNo, String status) {
        String xml = "<" + type + "Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + guid
                + "\" version=\"1.0\"><RefundReturn><guid>" + guid + "</guid><agentCode>1101980002</agentCode>"
                + "<coElNo>" + returnNo + "</coElNo><returnStatus>" + status + "</returnStatus>"
                + "<returnTime>20260101120000000</returnTime><returnInfo>[Code:" + status + "]</returnInfo>"
                + "</RefundReturn></" + type + "Message>";
        return receipts.apply(
                        new CustomsReceipt(type, guid, returnNo, status, "[Code:" + status + "]", Instant.now(), xml))
                .toFuture()
                .join();
    }
}
