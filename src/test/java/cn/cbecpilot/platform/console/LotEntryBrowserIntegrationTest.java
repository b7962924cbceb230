package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.TracedProducts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An operator in Chromium enters a lot of a coded drug into bond from the products page, its two units' codes typed
 * one a line as a scanner types them: told next to the codes that one is missing, then sees the lot on the page.
 */
class LotEntryBrowserIntegrationTest extends BrowserTestBase {

    @Test
    void operatorEntersALotWithItsScannedCodes() {
        TracedProducts.Traced drug = new TracedProducts(operator()).drug("布洛芬缓释胶囊 入区", "39.00");
        String batch = "EN" + nextBuyer();
        String first = TracedProducts.nmpa(drug.productKey(), TracedProducts.serial());
        String second = TracedProducts.nmpa(drug.productKey(), TracedProducts.serial());
        open("/console/login");
        type("#username", "operator");
        type("#password", "operator");
        submit("#sign-in");
        open("/console/products");
        submit("[data-sku='" + drug.sku() + "'] a.new-lot-of");

        assertThat(find("#sku").getDomProperty("value")).isEqualTo(drug.sku());
        type("#batchNo", batch);
        page().executeScript("document.getElementById('expiry').value = '2029-06-30'");
        type("#quantity", "2");
        type("#codes", first + "\n");
        submit("#enter-lot");

        assertThat(find("#codes-problems").getText()).contains("追溯码数量与入区数量不符");
        assertThat(find("#batchNo").getDomProperty("value")).isEqualTo(batch);
        assertThat(count("select count(*) from lot where sku = '" + drug.sku() + "'"))
                .isZero();

        type("#codes", first + "\n" + second + "\n");
        submit("#enter-lot");

        waitFor().until(ExpectedConditions.urlContains("/console/products?entered="));
        assertThat(find("#lot-entered").getText()).isEqualTo("批号 " + batch + " 已入区：2 件，2 个追溯码。");
        assertThat(find("tr.highlight").getText()).contains(batch, "2029-06-30");
    }
}
