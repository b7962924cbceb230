package cn.cbecpilot.platform.console;

import static cn.cbecpilot.platform.support.OrderJourneys.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.ReferenceData;
import cn.cbecpilot.platform.support.TracedProducts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's read-only pages over HTTP: the dashboard's charts (clearance times and refusal reasons counted from
 * real receipts), qualification warnings, products with lots and their traceability codes.
 */
class ConsolePagesIntegrationTest extends IntegrationTestBase {

    private static final Pattern LOOKUP_LINK = Pattern.compile("<a class=\"lot-code\" href=\"/trace\\?code=([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("<text class=\"value\"[^>]*>(\\d+)</text>");

    @Autowired
    List<ReceiptConsumer> consumers;

    private OrderJourneys journeys;

    @BeforeEach
    void setUp() {
        journeys = new OrderJourneys(http, operator(), db, consumers);
    }

    @Test
    void dashboardDrawsItsFiveChartsAsInlineSvgWithARowPerStateAndPerClearanceBand() {
        String body = page("/console");

        assertThat(body.split("<svg", -1)).hasSize(6);
        assertThat(body)
                .contains("id=\"chart-status\"")
                .contains("id=\"chart-days\"")
                .contains("id=\"chart-quota\"")
                .contains("id=\"chart-clearance\"")
                .contains("id=\"chart-refusals\"");
        assertThat(body.split("class=\"bar\"", -1).length - 1).isGreaterThanOrEqualTo(18 + 14 + 4 + 6);
        assertThat(values(section(body, "chart-clearance"))).hasSize(ClearanceStatistics.BANDS.size());
        assertThat(body).doesNotContain("<script").doesNotContain("style=");
    }

    @Test
    void dashboardCountsAnOrderReleasedThreeMinutesAfterItsDeclarationInTheOneToFiveMinuteBand() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬 通关时长", "20.00", 3);
        var order = journeys.place(sku, 1, nextBuyer());
        List<Long> before = values(section(page("/console"), "chart-clearance"));

        journeys.released(order, clock.instant().plus(Duration.ofMinutes(3)));

        assertThat(journeys.status(order.orderNo())).isEqualTo("RELEASED");
        List<Long> expected = new ArrayList<>(before);
        expected.set(1, before.get(1) + 1);
        assertThat(values(section(page("/console"), "chart-clearance"))).containsExactlyElementsOf(expected);
    }

    @Test
    void dashboardCountsACustomsRefusalUnderTheReasonCodeOfItsReceipt() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬 退单原因", "20.00", 3);
        var order = journeys.place(sku, 1, nextBuyer());
        ok(journeys.pay(order), "DECLARED");
        String code = "9" + nextBuyer();
        Instant now = clock.instant();
        try {
            // far enough ahead that the dashboard's two weeks hold this refusal alone, whatever other tests refused
            clock.set(now.plus(Duration.ofDays(200)));
            RefusingReceipts.push(http, order.orderNo(), "[Code:" + code + ";Desc:订单与清单商品信息不一致]", clock.instant());
            assertThat(journeys.status(order.orderNo())).isEqualTo("REJECTED");

            String refusals = section(page("/console"), "chart-refusals");

            assertThat(refusals).contains(">" + code + " 订单与清单商品信息…</text>").doesNotContain("id=\"no-refusals\"");
            String row = refusals.substring(refusals.indexOf("data-code=\"" + code + "\""));
            assertThat(row.substring(0, row.indexOf("</tr>")))
                    .contains("<td>订单与清单商品信息不一致</td>")
                    .contains("<td>1</td>");
            assertThat(values(refusals)).containsExactly(1L);
        } finally {
            clock.set(now);
        }
    }

    @Test
    void enterprisesPageWarnsOfAQualificationExpiringWithinThirtyDaysAndOfAnExpiredOne() {
        LocalDate today = LocalDate.now(clock);
        String code = String.format("%010d", nextBuyer() % 10_000_000_000L);
        operator()
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of(
                        "code",
                        code,
                        "name",
                        "测试物流有限公司",
                        "region",
                        "BEIJING",
                        "roles",
                        List.of("LOGISTICS"),
                        "qualifications",
                        List.of(
                                qualification(
                                        "CBEC_ENTERPRISE", "SOON-" + code, today.minusYears(1), today.plusDays(10)),
                                // of another type: one of the same type that a later one takes over from is renewed
                                qualification(
                                        "DRUG_BUSINESS_LICENCE",
                                        "GONE-" + code,
                                        today.minusYears(2),
                                        today.minusDays(1)))))
                .exchange()
                .expectStatus()
                .isCreated();

        String body = page("/console/enterprises");

        String section = body.substring(body.indexOf("data-code=\"" + code + "\""));
        assertThat(section.substring(0, section.indexOf("</article>")))
                .contains("data-standing=\"EXPIRING\"")
                .contains("data-standing=\"EXPIRED\"")
                .contains("SOON-" + code);
        assertThat(body).contains("id=\"qualification-warnings\"");
    }

    @Test
    void productsPageListsEachLotOfAProductWithWhatIsLeft() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬 批次页", "12.00", 7);

        String body = page("/console/products");

        String section = body.substring(body.indexOf("data-sku=\"" + sku + "\""));
        assertThat(section.substring(0, section.indexOf("</article>"))).contains(">7<");
    }

    @Test
    void productsPageCountsALotsCodesByStatusAndLinksItsFirstCodesInBondToTheLookup() {
        TracedProducts traced = new TracedProducts(operator());
        String sku = traced.drug("布洛芬片 批次追溯码", "30.00").sku();
        List<String> codes = traced.lotInBond(
                sku, "CODES" + nextBuyer() % 1000, LocalDate.now(clock).plusYears(2), 5, null);
        var order = journeys.place(sku, 1, nextBuyer());
        journeys.released(order, clock.instant());
        journeys.picked(order.orderNo(), List.of(codes.get(0)));

        String body = page("/console/products");

        String lot = product(body, sku);
        assertThat(lot)
                .contains("data-status=\"IN_BOND\" data-count=\"4\">在保税仓 4<")
                .contains("data-status=\"OUT_OF_BOND\" data-count=\"1\">已出区 1<");
        List<String> linked = new ArrayList<>();
        Matcher link = LOOKUP_LINK.matcher(lot);
        while (link.find()) {
            linked.add(link.group(1));
        }
        assertThat(linked).hasSize(3).doesNotContain(codes.get(0)).isSubsetOf(codes);
        assertThat(body).contains("<form method=\"get\" action=\"/trace\" class=\"filters\" id=\"code-lookup\">");
    }

    @Test
    void productsPageSaysSoWhenALotHasNoCodes() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬 无码批次", "12.00", 2);

        String lot = product(page("/console/products"), sku);

        assertThat(lot).contains(">无追溯码<").doesNotContain("class=\"lot-code\"");
    }

    private static String product(String body, String sku) {
        String section = body.substring(body.indexOf("data-sku=\"" + sku + "\""));
        return section.substring(0, section.indexOf("</article>"));
    }

    private static Map<String, Object> qualification(String type, String number, LocalDate from, LocalDate until) {
        return Map.of("type", type, "number", number, "validFrom", from, "validUntil", until);
    }

    /** The values a chart's bars stand for, top to bottom. */
    private static List<Long> values(String chart) {
        Matcher value = VALUE.matcher(chart);
        List<Long> values = new ArrayList<>();
        while (value.find()) {
            values.add(Long.parseLong(value.group(1)));
        }
        return values;
    }

    private static String section(String body, String id) {
        String from = body.substring(body.indexOf("id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</section>"));
    }

    private String page(String path) {
        return html(operator(), path);
    }
}
