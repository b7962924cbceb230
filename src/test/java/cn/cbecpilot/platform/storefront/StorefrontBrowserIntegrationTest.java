package cn.cbecpilot.platform.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.ReferenceData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A consumer in Chromium: browse, put a drug in the cart, check out under real name, land on the order. */
class StorefrontBrowserIntegrationTest extends BrowserTestBase {

    @Test
    void consumerWithABadIdSeesTheProblemNextToTheFieldKeepsTheFormAndLandsOnTheOrderAfterCorrectingIt() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释片 浏览器", "88.00", 10);
        String goodId = ResidentIds.unique(nextBuyer());
        String badId = goodId.substring(0, 17) + (goodId.charAt(17) == '0' ? '1' : '0');

        open("/");
        find("[data-sku='" + sku + "'] h2 a").click();
        waitFor().until(ExpectedConditions.urlContains("/products/" + sku));
        assertThat(find("#certificate").getText()).isEqualTo("H20990001");
        assertThat(find("#expiry").getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        type("#quantity", "2");
        submit("#add-to-cart");
        assertThat(find("#cart-lines [data-sku='" + sku + "']").getText()).contains("浏览器");
        submit("#checkout");

        type("#buyerName", "李四");
        type("#buyerIdNumber", badId);
        type("#buyerPhone", "13912345678");
        type("#consigneeName", "李四");
        type("#consigneePhone", "1");
        type("#consigneeAddress", "北京市朝阳区建国路88号");
        submit("#place-order");

        // a consignee field and a buyer field wrong at once: both said at once
        assertThat(find("#consigneePhone-problems").getText()).isNotBlank();
        assertThat(find("#buyerIdNumber-problems").getText()).contains("身份证号无效");
        assertThat(find("#top-problems").getText()).contains("2");

        type("#consigneePhone", "13912345678");
        submit("#place-order");

        assertThat(find("#buyerIdNumber-problems").getText()).contains("身份证号无效");
        assertThat(find("#top-problems").getText()).contains("1");
        assertThat(all("#consigneePhone-problems")).isEmpty();
        assertThat(find("#buyerName").getDomProperty("value")).isEqualTo("李四");
        assertThat(find("#buyerIdNumber").getDomProperty("value")).isEqualTo(badId);
        assertThat(find("#consigneeAddress").getDomProperty("value")).isEqualTo("北京市朝阳区建国路88号");
        assertThat(all("#buyerName-problems")).isEmpty();

        type("#buyerIdNumber", goodId);
        submit("#place-order");

        waitFor().until(ExpectedConditions.urlMatches("/orders/[^/]+$"));
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("PENDING_PAYMENT");
        assertThat(find("#order-lines").getText()).contains("浏览器");
        assertThat(all("#timeline li")).hasSize(1);
        assertThat(all("#order-actions a[href$='/payment']")).hasSize(1);
        assertThat(find("#nav-cart").getText()).contains("0");

        // the order moves on while its page is open (here an operator cancels it): the consumer's click on cancel
        // shows the order as it is now, saying so, and its payment page leads back to it
        String orderNo = page().getCurrentUrl().replaceAll(".*/orders/", "");
        operator()
                .post()
                .uri("/api/orders/{no}/cancel", orderNo)
                .exchange()
                .expectStatus()
                .isOk();
        submit("#order-actions form[action$='/cancel'] button");
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("CANCELLED");
        assertThat(find("#top-problems").getText()).contains("订单状态已经变化");
        open("/orders/" + orderNo + "/payment");
        assertThat(page().getCurrentUrl()).endsWith("/orders/" + orderNo);
        assertThat(all("#payerName")).isEmpty();

        // "my orders": each order of the session with where it stands and its total
        open("/orders");
        var row = find("#my-orders tr[data-order='" + orderNo + "']");
        assertThat(row.getDomAttribute("data-status")).isEqualTo("CANCELLED");
        assertThat(row.getText()).contains("已取消").containsPattern("¥\\d+\\.\\d{2}");
    }

    @Test
    void catalogueAtPhoneWidthHasNoHorizontalScroll() {
        browser.phoneWidth(375, 812);
        open("/");
        find("#catalogue .card");

        Number viewport = (Number) page().executeScript("return window.innerWidth");
        Number content = (Number) page().executeScript("return document.documentElement.scrollWidth");

        assertThat(viewport.intValue()).isEqualTo(375);
        assertThat(content.intValue()).isLessThanOrEqualTo(viewport.intValue());
    }

    @Test
    void missingPageShowsTheNotFoundPage() {
        open("/no-such-page");

        assertThat(find("#error-page").getDomAttribute("data-status")).isEqualTo("404");
        assertThat(find("h1").getText()).isEqualTo("页面不存在");
    }

    @Test
    void languageChosenWithLangStaysOnTheNextPage() {
        open("/?lang=en");
        assertThat(find("h1").getText()).isEqualTo("In stock in bond (positive-list goods)");

        open("/cart");

        assertThat(find("h1").getText()).isEqualTo("Cart");
    }
}
