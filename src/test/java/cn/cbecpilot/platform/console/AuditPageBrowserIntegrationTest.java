package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.BrowserTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A compliance officer in Chromium reads the audit trail, narrows it to one enterprise, and mistypes a filter. */
class AuditPageBrowserIntegrationTest extends BrowserTestBase {

    @Test
    void officerFindsTheChangesOfOneEnterpriseAndIsToldNextToTheFieldWhenAFilterCannotBeOne() {
        String code = String.format("1108%06d", nextBuyer() % 1_000_000);
        register(code, "北京审计页医药有限公司");
        register(code, "北京审计页医药科技有限公司");
        signIn();

        open("/console/audit");
        assertThat(all("#audit tbody tr")).isNotEmpty();
        type("#filter-target", "enterprise/" + code);
        submit("#apply-filter");

        assertThat(page().getCurrentUrl()).contains("target=enterprise");
        List<String> targets = all("#audit tbody tr").stream()
                .map(row -> row.findElements(By.tagName("td")).get(3).getText())
                .toList();
        assertThat(targets).hasSize(2).containsOnly("enterprise/" + code);
        assertThat(find("#audit tbody tr").getText()).contains("operator").contains("ENTERPRISE_CHANGED");
        assertThat(find("#clear-filter").isDisplayed()).isTrue();

        type("#filter-actor", "operator; drop");
        submit("#apply-filter");

        assertThat(find("#actor-problems").getText()).isEqualTo("操作人为 1 至 64 个字母、数字或 . _ - 。");
        assertThat(find("#filter-actor").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#filter-actor").getDomProperty("value")).isEqualTo("operator; drop");
        assertThat(all("#target-problems")).isEmpty();
        assertThat(all("#audit tbody tr"))
                .as("the trail unfiltered, as before the mistyped filter")
                .isNotEmpty();

        type("#filter-actor", "nobody-" + code);
        type("#filter-target", "");
        submit("#apply-filter");
        assertThat(all("#audit tbody tr")).isEmpty();
        assertThat(find("#audit-empty").getText()).isEqualTo("没有符合条件的记录。");
    }

    private void signIn() {
        open("/console/login");
        type("#username", "operator");
        type("#password", "operator");
        submit("#sign-in");
    }

    private void register(String code, String name) {
        operator()
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of(
                        "code",
                        code,
                        "name",
                        name,
                        "region",
                        "BEIJING",
                        "roles",
                        List.of("SELLER"),
                        "qualifications",
                        List.of()))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }
}
