package cn.cbecpilot.platform.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.ResidentIds;
import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.BrowserTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.ReferenceData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The return request on the storefront's order page in Chromium: the consumer buys and pays in the browser, the
 * order is released by customs receipts and delivered through the operator API, and the consumer asks for the return
 * on the page, within the 30 days after release and past them.
 */
class ReturnRequestBrowserIntegrationTest extends BrowserTestBase {

    private static final String BUYER = "赵六";

    @Autowired
    List<ReceiptConsumer> consumers;

    private OrderJourneys journeys;

    @BeforeEach
    void setUp() {
        journeys = new OrderJourneys(http, operator(), db, consumers);
    }

    @Test
    void consumerAsksForAReturnOfADeliveredOrderAndSeesItReturnRequested() {
        String orderNo = deliveredOrderBoughtInTheBrowser(clock.instant().minus(Duration.ofDays(3)));
        open("/orders/" + orderNo);
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("DELIVERED");

        submit("#order-actions form[action$='/return'] button");

        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("RETURN_REQUESTED");
        assertThat(find("#order-status").getText()).isEqualTo("退货申请中");
        assertThat(find("#timeline").getText()).contains("退货申请中");
        assertThat(all("#order-actions form[action$='/return']")).isEmpty();
        assertThat(all("#top-problems")).isEmpty();
        assertThat(journeys.status(orderNo)).isEqualTo("RETURN_REQUESTED");
    }

    @Test
    void returnAskedForPast30DaysAfterReleaseIsRefusedNextToTheFormInThePagesLanguage() {
        String orderNo = deliveredOrderBoughtInTheBrowser(clock.instant().minus(Duration.ofDays(31)));
        open("/orders/" + orderNo + "?lang=en");

        submit("#order-actions form[action$='/return'] button");

        assertThat(find("#top-problems .problem").getText())
                .isEqualTo("Too late for a return: a return may be asked for within 30 days of release.");
        assertThat(find("#top-problems .problem").getDomAttribute("data-code")).isEqualTo("RETURN_WINDOW");
        assertThat(find("#top-problems + #order-actions form[action$='/return']"))
                .isNotNull();
        assertThat(find("#order-status").getDomAttribute("data-status")).isEqualTo("DELIVERED");
        assertThat(find("#order-status").getText()).isEqualTo("Delivered");
        assertThat(journeys.status(orderNo)).isEqualTo("DELIVERED");
    }

    /**
     * Buys and pays one unit in the browser (so the session holds the order), then has customs release it at
     * {@code releasedAt} and the operator pick, hand over and deliver it; answers the order number.
     */
    private String deliveredOrderBoughtInTheBrowser(Instant releasedAt) {
        String sku = new ReferenceData(operator()).codedDrugInStock("布洛芬缓释片 退货", "58.00", 2);
        String id = ResidentIds.unique(nextBuyer());
        String orderNo = checkOut(sku, BUYER, id);
        submit("#order-actions a[href$='/payment']");
        type("#payerName", BUYER);
        type("#payerIdNumber", id);
        submit("#confirm-payment");
        waitFor().until(ExpectedConditions.urlMatches("/orders/" + orderNo + "$"));

        journeys.receipt("CEB622", orderNo, "120", releasedAt.minusSeconds(60));
        journeys.receipt("CEB622", orderNo, "800", releasedAt);
        journeys.picked(orderNo, null);
        journeys.handedOver(orderNo);
        journeys.delivered(orderNo);
        return orderNo;
    }
}
