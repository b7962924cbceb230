package cn.cbecpilot.platform.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.ReferenceData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The order's whole journey in Chromium: the consumer pays on the simulated payment page and follows the order to
 * its release by the simulator; the operator picks, hands over and delivers it and reads its customs messages; the
 * consumer then sees the unit's code, and the code lookup page its clearance.
 */
class OrderLifecycleBrowserIntegrationTest extends BrowserTestBase {

    private static final String BUYER = "李四";

    @Test
    void consumerPaysOnThePaymentPageAfterAPayerMismatchAndFollowsTheOrderUntilReleased() {
        String orderNo = releasedOrderBoughtInTheBrowser();

        assertThat(all("#timeline li").size()).isGreaterThanOrEqualTo(4);
        assertThat(find("#timeline").getText()).contains("已放行").matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");
        // receipts named as such, without the platform's event codes or the messages' guids the console shows
        assertThat(find("#timeline").getText())
                .contains("海关回执 CEB622 800")
                .doesNotContain("RECEIPT_")
                .doesNotContainPattern("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-");
        assertThat(all("#order-actions form[action$='/cancel']")).isEmpty();
        assertThat(orderNo).isNotBlank();
    }

    @Test
    void operatorPicksHandsOverAndDeliversTheOrderAndTheConsumerSeesTheUnitCodeAndItsClearance() {
        String orderNo = releasedOrderBoughtInTheBrowser();

        open("/console/login");
        type("#username", "operator");
        type("#password", "operator");
        submit("#sign-in");
        open("/console/orders/" + orderNo);
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("RELEASED");
        submit("#pick");
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("OUT_OF_BOND");
        assertThat(find("#order-lines .unit-code").getText()).isNotBlank();
        submit("#order-actions form[action$='/handover'] button");
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("IN_TRANSIT");
        submit("#order-actions form[action$='/delivered'] button");
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("DELIVERED");

        assertThat(all("#customs-messages details[data-type='CEB621'][data-direction='OUT']"))
                .isNotEmpty();
        assertThat(all("#customs-messages details[data-status='800']")).isNotEmpty();
        find("#customs-messages details[data-type='CEB621'] summary").click();
        assertThat(find("#customs-messages details[data-type='CEB621'] pre.xml").getText())
                .contains("<")
                .contains("CEB621Message")
                .contains("\n");

        open("/orders/" + orderNo);
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("DELIVERED");
        assertThat(all("#order-actions form[action$='/return']")).hasSize(1);
        var codes = all("#order-lines a.unit-code");
        assertThat(codes).hasSize(1);
        String code = codes.get(0).getText();
        submit("#order-lines a.unit-code");

        assertThat(find("#trace-code").getText()).isNotBlank();
        assertThat(find("#trace-clearance").getDomAttribute("data-released")).isEqualTo("true");
        assertThat(find("#trace-clearance").getText()).contains("已放行");
        assertThat(find("#trace-lot").getText()).isNotBlank();
        assertThat(find("#trace-status").getDomAttribute("data-status")).isEqualTo("DELIVERED");
        assertThat(find("#trace-recall").getDomAttribute("data-recalled")).isEqualTo("false");
        assertThat(find("main").getText()).doesNotContain(BUYER).doesNotContain(orderNo);
        assertThat(find("#code").getDomProperty("value")).isEqualTo(code);
    }

    @Test
    void malformedCodeOnTheLookupPageIsToldNextToTheFieldAsTyped() {
        open("/trace?code=12345X");

        assertThat(find("#code-problems").getText()).isNotBlank();
        assertThat(find("#code").getDomProperty("value")).isEqualTo("12345X");
        assertThat(all("#trace-unit")).isEmpty();
    }

    /** Buys one unit of a new drug through the pages, pays it, and waits on its page until customs released it. */
    private String releasedOrderBoughtInTheBrowser() {
        String sku = new ReferenceData(operator()).codedDrugInStock("布洛芬缓释片 全程", "66.00", 3);
        String id = ResidentIds.unique(nextBuyer());
        String orderNo = checkOut(sku, BUYER, id);
        String total = find("#total").getText();

        submit("#order-actions a[href$='/payment']");
        assertThat(find("#payment-amount").getText()).isEqualTo(total);
        type("#payerName", "王五");
        type("#payerIdNumber", id);
        submit("#confirm-payment");
        assertThat(find("#payerName-problems").getText()).contains("支付人姓名与订购人不一致");
        assertThat(all("#payerIdNumber-problems")).isEmpty();
        assertThat(find("#payerName").getDomProperty("value")).isEqualTo("王五");
        type("#payerName", BUYER);
        submit("#confirm-payment");

        waitFor().until(ExpectedConditions.urlMatches("/orders/" + orderNo + "$"));
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("DECLARED");
        sendOutboxOf(orderNo);
        waitFor().until(driver -> {
            driver.navigate().refresh();
            return "RELEASED".equals(driver.findElement(By.id("order-status")).getDomAttribute("data-status"));
        });
        return orderNo;
    }
}
