package cn.cbecpilot.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.TracedProducts;
import cn.cbecpilot.platform.support.TracedProducts.Traced;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Scanned codes a picker must not bind, each refused under its own rule code naming the scanned unit, and the pick
 * changing nothing: the codes stay where they were, the order stays released.
 */
class PickingRefusalsIntegrationTest extends IntegrationTestBase {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    List<ReceiptConsumer> consumers;

    private OrderJourneys journeys;
    private TracedProducts traced;

    @BeforeEach
    void setUp() {
        journeys = new OrderJourneys(http, operator(), db, consumers);
        traced = new TracedProducts(operator());
    }

    @Test
    void refusesEveryBadScanOfOnePickWithItsOwnCodeAndBindsNothing() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        Traced drug = traced.drug("布洛芬片 PR1", "30.00");
        Traced other = traced.drug("布洛芬缓释胶囊 PR1", "30.00");
        List<String> soon = traced.lotInBond(drug.sku(), "PRSOON", today.plusDays(20), 1, null);
        List<String> good = traced.lotInBond(drug.sku(), "PRGOOD", today.plusYears(2), 8, null);
        List<String> bad = traced.lotInBond(drug.sku(), "PRBAD", today.plusYears(2), 1, null);
        List<String> foreign = traced.lotInBond(other.sku(), "PROTHER", today.plusYears(2), 1, null);
        var order = journeys.place(drug.sku(), 6, nextBuyer());
        var earlier = journeys.place(drug.sku(), 1, nextBuyer());
        operator()
                .post()
                .uri("/api/console/recalls")
                .bodyValue(Map.of("sku", drug.sku(), "batchNos", List.of("PRBAD"), "reason", "包装破损"))
                .exchange()
                .expectStatus()
                .isCreated();
        journeys.released(order, clock.instant());
        journeys.released(earlier, clock.instant());
        journeys.picked(earlier.orderNo(), List.of(good.get(1)));

        Instant before = clock.instant();
        List<Map<String, Object>> violations;
        try {
            clock.set(before.plus(Duration.ofDays(30)));
            violations = journeys.console(
                                            order.orderNo(),
                                            "pick",
                                            Map.of(
                                                    "codes",
                                                    List.of(
                                                            good.get(0),
                                                            good.get(0),
                                                            foreign.get(0),
                                                            soon.get(0),
                                                            bad.get(0),
                                                            good.get(1),
                                                            "8123456")))
                                    .expectStatus()
                                    .isEqualTo(422)
                                    .expectHeader()
                                    .contentType("application/problem+json")
                                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                                    .returnResult()
                                    .getResponseBody()
                                    .get("violations")
                            instanceof List<?> list
                    ? list.stream().map(PickingRefusalsIntegrationTest::map).toList()
                    : List.of();
        } finally {
            clock.set(before);
        }

        assertThat(violations)
                .extracting(v -> v.get("field") + "=" + v.get("code"))
                .containsExactly(
                        "codes[1]=DUPLICATE_CODE",
                        "codes[2]=TRACE_CODE_WRONG_SKU",
                        "codes[3]=TRACE_CODE_EXPIRED",
                        "codes[4]=TRACE_CODE_RECALLED",
                        "codes[5]=TRACE_CODE_TAKEN",
                        "codes[6]=WRONG_LENGTH");
        assertThat((String) violations.get(0).get("message")).contains(good.get(0));
        assertThat((String) violations.get(1).get("message")).contains(foreign.get(0), other.sku());
        assertThat((String) violations.get(2).get("message")).contains(soon.get(0));
        assertThat((String) violations.get(3).get("message")).contains(bad.get(0));
        assertThat((String) violations.get(4).get("message")).contains(good.get(1));
        assertThat((String) violations.get(5).get("message")).contains("8123456");

        assertThat(journeys.status(order.orderNo())).isEqualTo("RELEASED");
        assertThat(count("select count(*) from trace_code where order_no = '" + order.orderNo() + "'"))
                .isZero();
        assertThat(count("select count(*) from trace_code where sku = '" + drug.sku()
                        + "' and status = 'IN_BOND' and order_no is null"))
                .isEqualTo(8);
        assertThat(count("select sum(remaining) from lot where sku = '" + drug.sku() + "' and not recalled"))
                .isEqualTo(8);
    }

    @Test
    void readsOneUnitScannedInTwoFormsAsAScanTwice() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        Traced device = traced.device("电子血压计 PR2", "399.00");
        List<String> codes = traced.lotInBond(device.sku(), "PR2", today.plusYears(2), 2, null);
        var order = journeys.place(device.sku(), 2, nextBuyer());
        journeys.released(order, clock.instant());
        // The same label as a DataMatrix scanner sends it: symbology identifier, no brackets, GS after the batch.
        String elementString = "]d2" + codes.get(0).replace("(21)", "\u001d21").replaceAll("\\((\\d\\d)\\)", "$1");

        journeys.console(order.orderNo(), "pick", Map.of("codes", List.of(codes.get(0), elementString)))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations.length()")
                .isEqualTo(1)
                .jsonPath("$.violations[0].code")
                .isEqualTo("DUPLICATE_CODE")
                .jsonPath("$.violations[0].field")
                .isEqualTo("codes[1]");

        assertThat(journeys.status(order.orderNo())).isEqualTo("RELEASED");
        journeys.picked(order.orderNo(), codes);
    }

    /**
     * An NMPA code whose first 16 digits are a unit's but whose 4 check digits are not that unit's label: a misread or
     * a forgery, neither picked as the unit nor traced to it.
     */
    @Test
    void aCodeWithAnotherUnitsSerialButOtherCheckDigitsIsNotThatUnit() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        Traced drug = traced.drug("布洛芬片 PR3", "30.00");
        String label =
                traced.lotInBond(drug.sku(), "PR3", today.plusYears(2), 1, null).get(0);
        String misread = label.substring(0, 16) + (label.endsWith("0000") ? "0001" : "0000");
        var order = journeys.place(drug.sku(), 1, nextBuyer());
        journeys.released(order, clock.instant());

        http.get().uri("/api/trace/{code}", misread).exchange().expectStatus().isNotFound();
        journeys.console(order.orderNo(), "pick", Map.of("codes", List.of(misread)))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("TRACE_CODE_UNKNOWN");
        assertThat(journeys.status(order.orderNo())).isEqualTo("RELEASED");
        assertThat(count("select count(*) from trace_code where order_no = '" + order.orderNo() + "'"))
                .isZero();

        http.get().uri("/api/trace/{code}", label).exchange().expectStatus().isOk();
        journeys.picked(order.orderNo(), List.of(label));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }
}
