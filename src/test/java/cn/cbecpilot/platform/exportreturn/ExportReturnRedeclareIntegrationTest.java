package cn.cbecpilot.platform.exportreturn;

import static cn.cbecpilot.platform.exportreturn.ExportReturnFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Through the real outbox and the embedded single window: a return customs rejected is corrected and declared again
 * as a change under a new guid; the tally names the site operator recorded with it, from the request or the
 * configured site.
 */
class ExportReturnRedeclareIntegrationTest extends IntegrationTestBase {

    @Autowired
    List<ReceiptConsumer> consumers;

    @Autowired
    ExportReturnProperties properties;

    private ExportReturnFixture fixture;
    private LocalDate today;

    @BeforeEach
    void fixture() {
        ReceiptConsumer forReturns = consumers.stream()
                .filter(c -> c instanceof ExportReturnReceipts)
                .findFirst()
                .orElseThrow();
        fixture = new ExportReturnFixture(operator(), forReturns);
        today = LocalDate.now(clock);
    }

    @Test
    void redeclaresARejectedReturnCorrectedAsAChangeUnderANewGuid() {
        String list = fixture.exportList(today.minusDays(40), false);
        String returnNo = fixture.declared(List.of(line(list, 1, 3, null)));
        sendOutboxOf(returnNo);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(fixture.status(returnNo)));
        fixture.refundReceipt(returnNo, "100");
        assertThat(fixture.status(returnNo)).isEqualTo("REJECTED");
        assertThat(returned(list)).isZero();

        fixture.post(
                        "/api/console/export-returns/" + returnNo + "/redeclare",
                        Map.of("reason", "质量问题退货", "transport", Map.of("billNo", "BL-CORRECTED-1")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DECLARED");
        assertThat(returned(list)).isEqualTo(3);
        sendOutboxOf(returnNo);

        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(fixture.status(returnNo)));
        List<Map<String, Object>> requests = messages(returnNo).stream()
                .filter(m -> "OUT".equals(m.get("direction")) && "CEB213".equals(m.get("type")))
                .toList();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).get("guid")).isNotEqualTo(requests.get(1).get("guid"));
        assertThat((String) requests.get(0).get("xml")).contains("<ceb:appType>1</ceb:appType>");
        assertThat((String) requests.get(1).get("xml"))
                .contains("<ceb:appType>2</ceb:appType>")
                .contains("<ceb:billNo>BL-CORRECTED-1</ceb:billNo>")
                .contains("<ceb:reason>质量问题退货</ceb:reason>")
                .contains("SignatureValue");
    }

    @Test
    void refusesToRedeclareAReturnCustomsDidNotReject() {
        String list = fixture.exportList(today.minusDays(40), false);
        String returnNo = fixture.declared(List.of(line(list, 1, 1, null)));

        fixture.post("/api/console/export-returns/" + returnNo + "/redeclare", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("DECLARED"));
        assertThat(count("select count(*) from customs_outbox where subject_no = '" + returnNo + "'"))
                .isOne();
    }

    @Test
    void theTallyIsSentUnderTheSiteOperatorItWasRecordedWith() {
        String named = acceptedReturn();
        String configured = acceptedReturn();

        tally(named, Map.of("operatorCode", "1101980077", "operatorName", "首都机场监管场所"));
        sendOutboxOf(named);
        tally(configured, Map.of());
        sendOutboxOf(configured);

        assertThat(tallyMessage(named))
                .contains("<ceb:operatorCode>1101980077</ceb:operatorCode>")
                .contains("<ceb:operatorName>首都机场监管场所</ceb:operatorName>");
        assertThat(tallyMessage(configured))
                .contains("<ceb:operatorCode>" + properties.siteOperatorCode() + "</ceb:operatorCode>");
        assertThat(count("select count(*) from export_return where return_no = '" + named
                        + "' and operator_code = '1101980077'"))
                .isOne();
    }

    @Test
    void refusesATallyNamingAnOperatorCodeWithoutItsName() {
        String returnNo = acceptedReturn();

        fixture.post(
                        "/api/console/export-returns/" + returnNo + "/tally",
                        Map.of("lines", List.of(line(listOf(returnNo), 1, 2, null)), "operatorCode", "1101980077"))
                .expectStatus()
                .isEqualTo(422);
        assertThat(fixture.status(returnNo)).isEqualTo("ACCEPTED");
    }

    private String acceptedReturn() {
        String list = fixture.exportList(today.minusDays(20), false);
        String returnNo = fixture.declared(List.of(line(list, 1, 2, null)));
        sendOutboxOf(returnNo);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(fixture.status(returnNo)));
        return returnNo;
    }

    private void tally(String returnNo, Map<String, Object> operator) {
        Map<String, Object> body = new java.util.HashMap<>(operator);
        body.put("lines", List.of(line(listOf(returnNo), 1, 2, null)));
        body.put("location", "A-02-01");
        fixture.post("/api/console/export-returns/" + returnNo + "/tally", body)
                .expectStatus()
                .isOk();
    }

    private String listOf(String returnNo) {
        return db.sql("select export_list_no from export_return_line where return_no = :no")
                .bind("no", returnNo)
                .map((r, m) -> r.get(0, String.class))
                .first()
                .toFuture()
                .join();
    }

    private String tallyMessage(String returnNo) {
        return messages(returnNo).stream()
                .filter(m -> "OUT".equals(m.get("direction")) && "CEB215".equals(m.get("type")))
                .map(m -> (String) m.get("xml"))
                .findFirst()
                .orElseThrow();
    }

    private long returned(String list) {
        return count("select returned_quantity::bigint from export_list_line where export_list_no = '" + list
                + "' and gnum = 1");
    }

    private List<Map<String, Object>> messages(String returnNo) {
        return operator()
                .get()
                .uri("/api/console/export-returns/{no}/messages", returnNo)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }
}
