package cn.cbecpilot.platform.exportreturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A batch export return over two lists clears through the single window: one signed CEB213 with a refund per list,
 * the simulator's acceptance, the tally (CEB215) and the release, then the goods go to bond and are re-exported.
 */
class ExportReturnClearanceIntegrationTest extends IntegrationTestBase {

    @Test
    void clearsABatchReturnOverTwoListsThroughTheSingleWindow() {
        LocalDate today = LocalDate.now(clock);
        String a = exportList(today.minusDays(60));
        String b = exportList(today.minusDays(30));
        String returnNo = (String) operator()
                .post()
                .uri("/api/export-returns")
                .bodyValue(Map.of("lines", List.of(line(a, 1, 4), line(b, 1, 2))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .get("returnNo");

        sendOutboxOf(returnNo);

        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(status(returnNo)));
        String request = messages(returnNo).stream()
                .filter(m -> "CEB213".equals(m.get("type")))
                .map(m -> (String) m.get("xml"))
                .findFirst()
                .orElseThrow();
        assertThat(request)
                .contains("<ceb:coElNo>" + returnNo + "</ceb:coElNo>")
                .contains("<ceb:invtNo>" + a + "</ceb:invtNo>")
                .contains("<ceb:invtNo>" + b + "</ceb:invtNo>")
                .contains("SignatureValue");

        operator()
                .post()
                .uri("/api/console/export-returns/{no}/tally", returnNo)
                .bodyValue(Map.of("lines", List.of(line(a, 1, 4), line(b, 1, 2)), "location", "A-01-03"))
                .exchange()
                .expectStatus()
                .isOk();
        sendOutboxOf(returnNo);

        await().atMost(Duration.ofSeconds(30)).until(() -> "RELEASED".equals(status(returnNo)));
        assertThat(messages(returnNo))
                .extracting(m -> m.get("direction") + " " + m.get("type"))
                .contains("OUT CEB213", "IN CEB214", "OUT CEB215");
        operator()
                .post()
                .uri("/api/console/export-returns/{no}/dispose", returnNo)
                .bodyValue(Map.of("disposition", "BONDED_STORAGE"))
                .exchange()
                .expectStatus()
                .isOk();
        operator()
                .post()
                .uri("/api/console/export-returns/{no}/steps/re-exported", returnNo)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(status(returnNo)).isEqualTo("RE_EXPORTED");
    }

    private String exportList(LocalDate releasedOn) {
        String no = ExportReturnFixture.newListNo();
        operator()
                .post()
                .uri("/api/console/export-lists")
                .bodyValue(ExportReturnFixture.listBody(no, releasedOn, false))
                .exchange()
                .expectStatus()
                .isCreated();
        return no;
    }

    private static Map<String, Object> line(String listNo, int gnum, int quantity) {
        return Map.of("exportListNo", listNo, "gnum", gnum, "quantity", quantity);
    }

    private String status(String returnNo) {
        return (String) operator()
                .get()
                .uri("/api/export-returns/{no}", returnNo)
                .exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .get("status");
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
