package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.ReferenceData;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An operator in Chromium opens a recall for a lot, told in Chinese next to the field what was wrong first. */
class RecallPagesBrowserIntegrationTest extends BrowserTestBase {

    @Test
    void operatorOpensARecallForALotAndSeesItsProgress() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释片 召回", "30.00", 0);
        String batch = "RC" + nextBuyer();
        operator()
                .post()
                .uri("/api/console/lots")
                .bodyValue(Map.of(
                        "sku",
                        sku,
                        "batchNo",
                        batch,
                        "expiry",
                        LocalDate.now().plusYears(2).toString(),
                        "quantity",
                        4))
                .exchange()
                .expectStatus()
                .isCreated();
        open("/console/login");
        type("#username", "operator");
        type("#password", "operator");
        submit("#sign-in");
        open("/console/recalls");
        type("#sku", sku);
        type("#reason", "标签印刷错误");
        submit("#open-recall");
        assertThat(find("#batchNos-problems").getText()).isEqualTo("此项必填。");
        assertThat(find("#sku").getDomProperty("value")).isEqualTo(sku);

        type("#batchNos", "NO" + batch);
        submit("#open-recall");
        assertThat(find("#batchNos-problems").getText()).isEqualTo("该商品没有此批号。");
        assertThat(count("select count(*) from recall where sku = '" + sku + "'"))
                .isZero();

        type("#batchNos", batch);
        submit("#open-recall");

        waitFor().until(ExpectedConditions.urlMatches("/console/recalls/[^/]+$"));
        assertThat(find("#recall-lots").getText()).isEqualTo(batch);
        assertThat(find("#progress-blocked").getText()).isEqualTo("4");
        assertThat(find("#progress-in-bond").getText()).isEqualTo("4");
    }
}
