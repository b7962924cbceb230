package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.TracedProducts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's catalogue forms in Chromium: an operator enters a lot of a coded drug into bond from the products page,
 * its two units' codes typed one a line as a scanner types them, told next to the codes that one is missing, then sees
 * the lot on the page; an officer adds a device and enters a lot of it.
 */
class CatalogueFormsBrowserIntegrationTest extends BrowserTestBase {

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

    /** An officer adds a device from the console's form, told first that its price is not a number, then enters a lot. */
    @Test
    void officerAddsADeviceThenEntersALotWhoseCodesAreIssuedHere() {
        String sku = "BR-" + nextBuyer();
        open("/console/login");
        type("#username", "operator");
        type("#password", "operator");
        submit("#sign-in");
        open("/console/products");
        submit("#new-product");
        new Select(find("#category")).selectByValue("DEVICE");
        type("#sku", sku);
        type("#name", "电子血压计 上臂式");
        type("#gcode", "9018909990");
        type("#price", "三百");
        type("#unit", "007");
        type("#originCountry", "116");
        type("#registrationCertificate", "国械注进20990000010");
        type("#gtin", TracedProducts.gtin());
        submit("#add-product");

        assertThat(find("#price-problems").getText()).isEqualTo("单价为 0.01 至 1000000 元，最多两位小数。");
        assertThat(find("#name").getDomProperty("value")).isEqualTo("电子血压计 上臂式");
        type("#price", "399.00");
        submit("#add-product");

        waitFor().until(ExpectedConditions.urlContains("/console/products?added=" + sku));
        assertThat(find("#product-added").getText()).isEqualTo("商品 电子血压计 上臂式（" + sku + "）已添加。");
        submit("#product-" + sku + " a.new-lot-of");
        type("#batchNo", "BP" + nextBuyer() % 100000);
        page().executeScript("document.getElementById('expiry').value = '2030-01-31'");
        type("#quantity", "3");
        submit("#enter-lot");

        waitFor().until(ExpectedConditions.urlContains("/console/products?entered="));
        assertThat(find("#lot-entered").getText()).endsWith("3 件，3 个追溯码。");
    }
}
