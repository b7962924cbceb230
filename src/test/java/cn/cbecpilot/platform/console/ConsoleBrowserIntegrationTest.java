package cn.cbecpilot.platform.console;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An operator in Chromium: sign-in, the order list filtered by status, an order's page, the CSV import. */
class ConsoleBrowserIntegrationTest extends BrowserTestBase {

    @Test
    void operatorSignsInAfterAWrongPasswordFindsTheOrderByStatusAndOpensIt() {
        String orderNo = placedOrder();

        open("/console/orders");
        waitFor().until(ExpectedConditions.urlContains("/console/login"));
        signIn("operator", "wrong-password");
        assertThat(find("#login-error").getText()).isEqualTo("用户名或密码错误。");
        signIn("operator", "operator");
        waitFor().until(ExpectedConditions.urlContains("/console/orders"));

        new Select(find("#status")).selectByValue("PENDING_PAYMENT");
        submit("#apply-filters");
        assertThat(page().getCurrentUrl()).contains("status=PENDING_PAYMENT");
        assertThat(all("#orders tbody tr")).isNotEmpty().allSatisfy(row -> assertThat(
                        row.findElements(By.tagName("td")).get(1).getText())
                .isEqualTo("待支付"));
        type("#orderNo", orderNo.substring(0, orderNo.length() - 2));
        submit("#apply-filters");

        assertThat(all("#orders tbody tr")).isNotEmpty().allSatisfy(row -> assertThat(
                        row.findElements(By.tagName("td")).get(1).getText())
                .isEqualTo("待支付"));
        WebElement row = find("#orders [data-order='" + orderNo + "']");
        assertThat(row.getText()).contains("张*");
        row.findElement(By.tagName("a")).click();

        waitFor().until(ExpectedConditions.urlContains("/console/orders/" + orderNo));
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("PENDING_PAYMENT");
        assertThat(all("#timeline li")).hasSize(1);
        assertThat(find("#order-lines").getText()).contains("控制台");
    }

    @Test
    void operatorImportsAPositiveListCsvAndSeesHowManyLinesWereRead() throws IOException {
        String edition = "WEB" + nextBuyer();
        Path csv = csv("序号,税则号列,商品描述,备注\n1,30049090,\"药品，零售包装\",仅限网购保税\n2,90189099,医疗器具,\n");

        importCsv(edition, "2099-03-01", csv);

        assertThat(find("#import-result").getDomAttribute("class")).contains("ok");
        assertThat(find("#lines-read").getText()).contains("2");
        assertThat(find("#lines-imported").getText()).contains(edition).contains("2099-03-01");
        assertThat(find("#editions [data-edition='" + edition + "']").getText()).contains("2099-03-01");
    }

    @Test
    void refusedCsvImportListsEveryBadLineWithItsReason() throws IOException {
        String edition = "BAD" + nextBuyer();
        Path csv = csv("seq,tariff,description,remark\n1,3004909,短税号,\nx,30049090,药品,\n3,90189099,医疗器具,\n");

        importCsv(edition, "2099-04-01", csv);

        assertThat(find("#import-result").getDomAttribute("class")).contains("refused");
        assertThat(find("#lines-read").getText()).contains("3");
        assertThat(all("#refused-lines tbody tr")).hasSize(2);
        assertThat(find("#refused-lines").getText())
                .contains("line 2")
                .contains("line 3")
                .contains("8 digits");
        assertThat(all("#editions [data-edition='" + edition + "']")).isEmpty();
    }

    private void importCsv(String edition, String effectiveFrom, Path csv) {
        open("/console/login");
        signIn("operator", "operator");
        open("/console/positive-list");
        type("#edition", edition);
        page().executeScript("document.getElementById('effectiveFrom').value = arguments[0]", effectiveFrom);
        find("#file").sendKeys(csv.toAbsolutePath().toString());
        submit("#import");
    }

    private void signIn(String username, String password) {
        type("#username", username);
        type("#password", password);
        submit("#sign-in");
    }

    private String placedOrder() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释片 控制台", "58.00", 5);
        Map<?, ?> placed = http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(anOrderRequest().line(sku, 1).buyer(nextBuyer()).body())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) placed.get("orderNo");
    }

    private static Path csv(String content) throws IOException {
        Path file = Files.createTempFile("positive-list", ".csv");
        file.toFile().deleteOnExit();
        return Files.writeString(file, content);
    }
}
