package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.ReferenceData;
import cn.cbecpilot.platform.support.TracedProducts;
import cn.cbecpilot.platform.support.TracedProducts.Traced;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The order pages in Chromium: refused scans told next to the codes field in the page's language, naming each code;
 * the storefront's and the console's order page at phone width without horizontal scrolling.
 */
class OrderPagesBrowserIntegrationTest extends BrowserTestBase {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    @Autowired
    List<ReceiptConsumer> consumers;

    private OrderJourneys journeys;

    @BeforeEach
    void setUp() {
        journeys = new OrderJourneys(http, operator(), db, consumers);
    }

    @Test
    void operatorSeesEveryRefusedScanNextToTheCodesFieldInChineseAndNothingIsPicked() {
        Traced drug = new TracedProducts(operator()).drug("布洛芬片 页面拣货", "30.00");
        List<String> codes = new TracedProducts(operator())
                .lotInBond(drug.sku(), "WEBPICK", LocalDate.now(clock).plusYears(2), 2, null);
        var order = journeys.place(drug.sku(), 1, nextBuyer());
        journeys.released(order, clock.instant());
        signIn();
        open("/console/orders/" + order.orderNo());

        // one code a line, as a scanner ends each with Enter
        page().executeScript(
                        "arguments[0].value = arguments[1]",
                        find("#pick-codes"),
                        String.join("\n", "8123456", codes.get(0), codes.get(0)));
        submit("#pick");

        String problems = find("#pick-codes-problems").getText();
        assertThat(problems)
                .contains("“8123456”的位数不是追溯码的位数。")
                .contains("追溯码 " + codes.get(0) + " 扫描了两次：每件只扫一次。")
                .doesNotContain("scanned")
                .doesNotContain("DUPLICATE_CODE");
        assertThat(find("#pick-codes").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#pick-codes").getDomProperty("value")).contains(codes.get(0));
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("RELEASED");
        assertThat(journeys.status(order.orderNo())).isEqualTo("RELEASED");

        type("#pick-codes", codes.get(1));
        submit("#pick");
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("OUT_OF_BOND");
    }

    @Test
    void storefrontAndConsoleOrderPagesAtPhoneWidthHaveNoHorizontalScroll() {
        String sku = new ReferenceData(operator()).codedDrugInStock("布洛芬缓释片 手机", "66.00", 3);
        open("/products/" + sku);
        type("#quantity", "1");
        submit("#add-to-cart");
        submit("#checkout");
        type("#buyerName", "李四");
        type("#buyerIdNumber", ResidentIds.unique(nextBuyer()));
        type("#buyerPhone", "13912345678");
        type("#consigneeName", "李四");
        type("#consigneePhone", "13912345678");
        type("#consigneeAddress", "北京市朝阳区建国路88号院3号楼2单元1101室（工作日白天请放快递柜）");
        submit("#place-order");
        waitFor().until(ExpectedConditions.urlMatches("/orders/[^/]+$"));
        String orderNo = page().getCurrentUrl().replaceAll(".*/orders/", "");

        browser.phoneWidth(PHONE_WIDTH, PHONE_HEIGHT);
        open("/orders/" + orderNo);
        find("#order-lines");
        assertNoHorizontalScroll();

        signIn();
        open("/console/orders/" + orderNo);
        find("#order-lines");
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("PENDING_PAYMENT");
        assertNoHorizontalScroll();
    }

    private void assertNoHorizontalScroll() {
        Number viewport = (Number) page().executeScript("return window.innerWidth");
        Number content = (Number) page().executeScript("return document.documentElement.scrollWidth");
        assertThat(viewport.intValue()).isEqualTo(PHONE_WIDTH);
        assertThat(content.intValue())
                .as("page width at " + page().getCurrentUrl())
                .isLessThanOrEqualTo(viewport.intValue());
    }

    private void signIn() {
        open("/console/login");
        type("#username", "operator");
        type("#password", "operator");
        submit("#sign-in");
    }
}
