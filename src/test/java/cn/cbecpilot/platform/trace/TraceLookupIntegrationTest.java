package cn.cbecpilot.platform.trace;

import static cn.cbecpilot.platform.support.TracedProducts.serial;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.OrderRequests;
import cn.cbecpilot.platform.support.TracedProducts;
import cn.cbecpilot.platform.support.TracedProducts.Traced;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/** The consumer's lookup of a unit by its code: either scheme, any form; unknown 404, malformed 400. */
class TraceLookupIntegrationTest extends IntegrationTestBase {

    private static final String GS = "\u001d";
    private static final LocalDate EXPIRY = LocalDate.now().plusYears(2).withDayOfMonth(1);

    @Autowired
    List<ReceiptConsumer> consumers;

    private TracedProducts traced;

    @BeforeEach
    void fixtures() {
        traced = new TracedProducts(operator());
    }

    private Map<String, Object> lookUp(String code) {
        return http.get()
                .uri("/api/trace/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @Test
    void findsAUnitByEveryFormOfItsCode() {
        Traced device = traced.device("电子血压计 L1", "399.00");
        String serial = serial();
        String yymmdd = EXPIRY.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        String canonical = "(01)" + device.productKey() + "(17)" + yymmdd + "(10)BL1(21)" + serial;
        traced.lotInBond(device.sku(), "BL1", EXPIRY, 1, List.of(canonical));

        for (String form : List.of(
                canonical,
                "01" + device.productKey() + "17" + yymmdd + "10BL1" + GS + "21" + serial,
                "]d201" + device.productKey() + "21" + serial + GS + "10BL1",
                "(01)" + device.productKey() + "(21)" + serial)) {
            Map<String, Object> unit = lookUp(form);

            assertThat(unit)
                    .as(form)
                    .containsEntry("code", canonical)
                    .containsEntry("scheme", "GS1")
                    .containsEntry("sku", device.sku())
                    .containsEntry("productName", "电子血压计 L1")
                    .containsEntry("originCountry", "116")
                    .containsEntry("lot", "BL1")
                    .containsEntry("expiry", EXPIRY.toString())
                    .containsEntry("status", "IN_BOND")
                    .containsEntry("delivery", Map.of("status", "IN_BOND", "since", unit.get("enteredBondAt")))
                    .doesNotContainKeys("clearance", "recall");
            assertThat((List<?>) unit.get("events")).singleElement().satisfies(e -> assertThat(map(e))
                    .containsEntry("type", "REGISTERED")
                    .containsKey("at"));
        }
        http.get()
                .uri(b -> b.path("/api/trace").queryParam("code", "{c}").build(canonical))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(canonical);
    }

    @Test
    void findsTheDemoUnitsOfBothSchemes() {
        String drugCode = db.sql("select raw from trace_code where sku = 'DRG-IBU-200' limit 1")
                .map((r, m) -> r.get(0, String.class))
                .one()
                .toFuture()
                .join();
        String deviceCode = db.sql("select raw from trace_code where sku = 'DEV-BPM-7' limit 1")
                .map((r, m) -> r.get(0, String.class))
                .one()
                .toFuture()
                .join();

        assertThat(lookUp(drugCode))
                .containsEntry("scheme", "NMPA20")
                .containsEntry("sku", "DRG-IBU-200")
                .containsEntry("code", drugCode);
        assertThat(drugCode).hasSize(20).startsWith("8601234");
        assertThat(lookUp(deviceCode)).containsEntry("scheme", "GS1").containsEntry("sku", "DEV-BPM-7");
        assertThat(deviceCode).startsWith("(01)04987654321001(17)");
        assertThat(count("select count(*) from trace_code where sku like 'HLT-%'"))
                .isZero();
        assertThat(count("select count(*) from lot l where l.sku in ('DRG-IBU-200', 'DEV-BPM-7') and l.quantity <>"
                        + " (select count(*) from trace_code c where c.lot_id = l.id)"))
                .isZero();
    }

    @Test
    void answersNotFoundForAWellFormedCodeNoUnitCarries() {
        http.get()
                .uri("/api/trace/{code}", "(01)" + TracedProducts.gtin() + "(21)NOBODY")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
        http.get()
                .uri("/api/trace/{code}", "89999990000000011234")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void answersBadRequestWithTheReasonForAMalformedCode() {
        http.get()
                .uri("/api/trace/{code}", "(01)04987654321002(21)X")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("BAD_CHECK_DIGIT")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("check digit is 1"));
        http.get()
                .uri("/api/trace/{code}", "8601234ABCDEFGHI1234")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("NOT_NUMERIC");
        http.get().uri("/api/trace").exchange().expectStatus().isBadRequest();
    }

    /** The order goes the real way: placed, paid, released by a CEB622 800, picked with the code, handed over. */
    @Test
    void showsClearanceAndDeliveryOfASoldUnitButNothingPersonal() {
        Traced drug = traced.drug("布洛芬缓释胶囊 L5", "30.00");
        String code = TracedProducts.nmpa(drug.productKey(), serial());
        traced.lotInBond(drug.sku(), "BL5", EXPIRY, 1, List.of(code));
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        var order = journeys.place(drug.sku(), 1, nextBuyer());
        String orderNo = order.orderNo();
        OrderRequests request = order.request();
        journeys.released(order, clock.instant());
        journeys.picked(orderNo, List.of(code));
        journeys.handedOver(orderNo);
        String invtNo = (String) map(journeys.details(orderNo).get("customs")).get("invtNo");

        String body = http.get()
                .uri("/api/trace/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> unit = lookUp(code);

        assertThat(unit).containsEntry("status", "IN_TRANSIT");
        assertThat(invtNo).isNotBlank();
        assertThat(map(unit.get("clearance"))).containsEntry("invtNo", invtNo).containsKey("releasedAt");
        assertThat(map(unit.get("delivery"))).containsEntry("status", "IN_TRANSIT");
        assertThat(body)
                .doesNotContain(orderNo)
                .doesNotContain("张三")
                .doesNotContain("13812345678")
                .doesNotContain("****")
                .doesNotContain(request.idNumber())
                .doesNotContain("建国路")
                .doesNotContain("buyer")
                .doesNotContain("consignee");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }
}
