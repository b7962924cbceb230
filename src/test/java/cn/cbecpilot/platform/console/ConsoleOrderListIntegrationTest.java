package cn.cbecpilot.platform.console;

import static cn.cbecpilot.platform.support.OrderJourneys.ok;
import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.OrderJourneys.Placed;
import cn.cbecpilot.platform.support.ReferenceData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's order list (/console/orders) over HTTP. Each test places its orders on a platform of its own, so that
 * the platform filter isolates them from the other tests' orders in the shared database; the status and date filters
 * then narrow that set, the buyer shows masked, and the second page holds what the first twenty leave.
 */
class ConsoleOrderListIntegrationTest extends IntegrationTestBase {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern ROW = Pattern.compile("<tr data-order=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NEXT = Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"");
    private static final String BUYER = "欧阳娜娜";

    @Autowired
    List<ReceiptConsumer> consumers;

    private OrderJourneys journeys;
    private String platform;
    private String sku;

    @BeforeEach
    void setUp() {
        journeys = new OrderJourneys(http, operator(), db, consumers);
        platform = newPlatform();
        sku = new ReferenceData(operator()).drugInStock("布洛芬 订单列表", "15.00", 30);
    }

    @Test
    void platformFilterListsExactlyThatPlatformsOrders() {
        List<String> mine = List.of(place().orderNo(), place().orderNo(), place().orderNo());

        String all = page("/console/orders");
        String filtered = page("/console/orders?platform=" + platform);

        assertThat(matching(all)).isGreaterThan(3);
        assertThat(rows(filtered).keySet()).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(matching(filtered)).isEqualTo(3);
        assertThat(filtered).contains("<option value=\"" + platform + "\" selected=\"selected\"");
    }

    @Test
    void statusFilterNarrowsToTheOrdersInThatStatus() {
        Placed paid = place();
        List<String> unpaid = List.of(place().orderNo(), place().orderNo());
        ok(journeys.pay(paid, BUYER, paid.request().idNumber(), paid.total()), "DECLARED");

        String declared = page("/console/orders?platform=" + platform + "&status=DECLARED");
        String pending = page("/console/orders?platform=" + platform + "&status=PENDING_PAYMENT");

        assertThat(rows(declared).keySet()).containsExactly(paid.orderNo());
        assertThat(rows(declared).get(paid.orderNo())).contains("<td>已申报</td>");
        assertThat(rows(pending).keySet()).containsExactlyInAnyOrderElementsOf(unpaid);
        assertThat(rows(pending).values()).allSatisfy(row -> assertThat(row).contains("<td>待支付</td>"));
    }

    @Test
    void dateFilterKeepsTheOrdersCreatedOnTheChosenDaysOnly() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        String yesterdays;
        try {
            clock.set(now.minus(Duration.ofDays(1)));
            yesterdays = place().orderNo();
        } finally {
            clock.set(now);
        }
        String todays = place().orderNo();
        String base = "/console/orders?platform=" + platform;

        assertThat(rows(page(base + "&from=" + today + "&to=" + today)).keySet())
                .containsExactly(todays);
        assertThat(rows(page(base + "&to=" + today.minusDays(1))).keySet()).containsExactly(yesterdays);
        assertThat(rows(page(base + "&from=" + today.minusDays(1))).keySet())
                .containsExactlyInAnyOrder(todays, yesterdays);
        assertThat(rows(page(base + "&from=" + today.plusDays(1)))).isEmpty();
        // the two days given the wrong way round: the range between them, not nothing
        assertThat(rows(page(base + "&from=" + today + "&to=" + today.minusDays(1)))
                        .keySet())
                .containsExactlyInAnyOrder(todays, yesterdays);
    }

    @Test
    void buyerShowsMaskedToItsFirstCharacter() {
        String orderNo = place().orderNo();

        String body = page("/console/orders?platform=" + platform);

        assertThat(rows(body).get(orderNo)).contains("<td>欧***</td>");
        assertThat(body).doesNotContain(BUYER).doesNotContain("阳娜");
    }

    @Test
    void secondPageHoldsTheOrdersBeyondTheFirstTwentyAndKeepsTheFilter() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < ConsoleOrdersController.PAGE_SIZE + 2; i++) {
            mine.add(place().orderNo());
        }

        String first = page("/console/orders?platform=" + platform);
        Matcher next = NEXT.matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();
        String second = page(next.group(1).replace("&amp;", "&"));

        assertThat(rows(first)).hasSize(ConsoleOrdersController.PAGE_SIZE);
        assertThat(rows(second)).hasSize(2);
        assertThat(rows(second).keySet())
                .doesNotContainAnyElementsOf(rows(first).keySet());
        List<String> both = new ArrayList<>(rows(first).keySet());
        both.addAll(rows(second).keySet());
        assertThat(both).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(second)
                .contains("id=\"previous-page\"")
                .doesNotContain("id=\"next-page\"")
                .contains("第 2 / 2 页");
    }

    /** One unit for a buyer no other test uses, on this test's platform. */
    private Placed place() {
        String id = ResidentIds.unique(nextBuyer());
        return journeys.place(anOrderRequest().platform(platform).line(sku, 1).buyer(BUYER, id, "13812345678"));
    }

    /** A platform holding the pilot's dual qualification, whose code no other test uses. */
    private String newPlatform() {
        LocalDate today = LocalDate.now(clock);
        String code = String.format("%010d", nextBuyer() % 10_000_000_000L);
        operator()
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of(
                        "code",
                        code,
                        "name",
                        "订单列表测试平台",
                        "region",
                        "BEIJING",
                        "roles",
                        List.of("PLATFORM"),
                        "qualifications",
                        List.of(
                                qualification("CBEC_PLATFORM", "P-" + code, today),
                                qualification("MEDICAL_ONLINE_TRADING", "M-" + code, today))))
                .exchange()
                .expectStatus()
                .isCreated();
        return code;
    }

    private static Map<String, Object> qualification(String type, String number, LocalDate today) {
        return Map.of(
                "type", type, "number", number, "validFrom", today.minusYears(1), "validUntil", today.plusYears(1));
    }

    /** The listed orders by number, each with its row's cells. */
    private static Map<String, String> rows(String body) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
        return rows;
    }

    private static long matching(String body) {
        Matcher count = Pattern.compile("id=\"matching\">共 (\\d+) 个订单<").matcher(body);
        assertThat(count.find()).as("the count of matching orders").isTrue();
        return Long.parseLong(count.group(1));
    }

    private String page(String path) {
        return html(operator(), path);
    }
}
