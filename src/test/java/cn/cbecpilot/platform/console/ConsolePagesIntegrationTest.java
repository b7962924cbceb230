package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.ReferenceData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The console's read-only pages over HTTP: the dashboard's charts, qualification warnings, products with lots. */
class ConsolePagesIntegrationTest extends IntegrationTestBase {

    @Test
    void dashboardDrawsItsThreeChartsAsInlineSvgWithARowPerState() {
        String body = page("/console");

        assertThat(body.split("<svg", -1)).hasSize(4);
        assertThat(body)
                .contains("id=\"chart-status\"")
                .contains("id=\"chart-days\"")
                .contains("id=\"chart-quota\"");
        assertThat(body.split("class=\"bar\"", -1).length - 1).isGreaterThanOrEqualTo(18 + 14 + 4);
        assertThat(body).doesNotContain("<script").doesNotContain("style=");
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
                                qualification("SOON-" + code, today.minusYears(1), today.plusDays(10)),
                                qualification("GONE-" + code, today.minusYears(2), today.minusDays(1)))))
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

    private static Map<String, Object> qualification(String number, LocalDate from, LocalDate until) {
        return Map.of("type", "CBEC_ENTERPRISE", "number", number, "validFrom", from, "validUntil", until);
    }

    private String page(String path) {
        return operator()
                .get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
