package cn.cbecpilot.platform.console;

import static cn.cbecpilot.platform.support.OrderJourneys.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.ReferenceData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator in Chromium finds an order customs refused and reads customs' reasons on its page. */
class RefusedOrderBrowserIntegrationTest extends BrowserTestBase {

    private static final String REASON = "[Code:1322;Desc:订单与清单商品信息不一致]";

    @Autowired
    List<ReceiptConsumer> consumers;

    private OrderJourneys journeys;

    @BeforeEach
    void setUp() {
        journeys = new OrderJourneys(http, operator(), db, consumers);
    }

    @Test
    void operatorFindsTheRefusedOrderAmongTheRejectedAndReadsWhyCustomsRefusedIt() {
        String sku = new ReferenceData(operator()).drugInStock("布洛芬片 退单页面", "36.00", 3);
        var order = journeys.place(sku, 1, nextBuyer());
        ok(journeys.pay(order), "DECLARED");
        RefusingReceipts.push(http, order.orderNo(), REASON, clock.instant());

        open("/console/login");
        type("#username", "operator");
        type("#password", "operator");
        submit("#sign-in");
        open("/console/orders");
        new Select(find("#status")).selectByValue("REJECTED");
        type("#orderNo", order.orderNo());
        submit("#apply-filters");
        find("#orders [data-order='" + order.orderNo() + "']")
                .findElement(By.tagName("a"))
                .click();
        waitFor().until(ExpectedConditions.urlContains("/console/orders/" + order.orderNo()));

        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("REJECTED");
        assertThat(find("#order-status").getText()).isEqualTo("申报被退回");
        String refusals = find("#refusal-reasons").getText();
        assertThat(refusals).contains("海关退单原因").contains("CEB622 100").contains(REASON);
        assertThat(find("#order-actions").getText()).contains("重新申报");
    }
}
