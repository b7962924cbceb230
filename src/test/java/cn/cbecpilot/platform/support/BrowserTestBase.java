package cn.cbecpilot.platform.support;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The platform in a real browser: the same shared context as every integration test, pages opened on its port. */
public abstract class BrowserTestBase extends IntegrationTestBase {

    @RegisterExtension
    protected static final Browser browser = new Browser();

    @LocalServerPort
    protected int port;

    protected ChromeDriver page() {
        return browser.driver();
    }

    protected void open(String path) {
        String url = "http://127.0.0.1:" + port + path;
        try {
            page().get(url);
        } catch (org.openqa.selenium.TimeoutException rendererBusy) {
            // Chromium on a starved machine now and then never reports a page as loaded: asked once more it may, or
            // the test fails here as before
            page().get(url);
        }
    }

    protected WebElement find(String css) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    protected List<WebElement> all(String css) {
        return page().findElements(By.cssSelector(css));
    }

    protected void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Puts one unit of the SKU in the cart and checks out under the buyer's real name, as the consumer does, the buyer
     * also the consignee; answers the number of the order whose page the storefront then shows.
     */
    protected String checkOut(String sku, String buyer, String idNumber) {
        open("/products/" + sku);
        type("#quantity", "1");
        submit("#add-to-cart");
        submit("#checkout");
        type("#buyerName", buyer);
        type("#buyerIdNumber", idNumber);
        type("#buyerPhone", "13912345678");
        type("#consigneeName", buyer);
        type("#consigneePhone", "13912345678");
        type("#consigneeAddress", "北京市朝阳区建国路88号");
        submit("#place-order");
        waitFor().until(ExpectedConditions.urlMatches("/orders/[^/]+$"));
        return page().getCurrentUrl().replaceAll(".*/orders/", "");
    }

    /** Clicks and waits for the page the click leads to, so that the next look is at the new page. */
    protected void submit(String css) {
        WebElement old = find("html");
        WebElement button = find(css);
        page().executeScript("window.submitSeen = false;"
                + "document.addEventListener('submit', () => window.submitSeen = true, {capture: true});");
        click(button);
        try {
            new WebDriverWait(page(), Duration.ofSeconds(15)).until(driver -> gone(old));
            return;
        } catch (org.openqa.selenium.TimeoutException stillThere) {
            if (Boolean.FALSE.equals(submitSeen())) {
                // the click landed while the page still moved and reached no form: click once more, nothing was sent
                click(find(css));
            }
        }
        new WebDriverWait(page(), Duration.ofSeconds(90)).until(driver -> gone(old));
    }

    private static void click(WebElement button) {
        try {
            button.click();
        } catch (org.openqa.selenium.TimeoutException rendererBusy) {
            // the click went out; the renderer did not confirm the navigation in time: the caller waits for the page
        }
    }

    /** Whether the page saw a form submitted since {@link #submit}; null when the page is another by now. */
    private Boolean submitSeen() {
        try {
            return (Boolean) page().executeScript("return window.submitSeen;");
        } catch (WebDriverException pageBusyOrGone) {
            return null;
        }
    }

    /**
     * Whether the element's page was replaced. Chromium answers a look at an element of a page being replaced with
     * "does not belong to the document" rather than a stale element, which means the same. On a starved machine the
     * renderer may not answer the look within the driver's 30 s while it builds the next page: still loading.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.TimeoutException rendererBusy) {
            return false;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    protected WebDriverWait waitFor() {
        return new WebDriverWait(page(), Duration.ofSeconds(15));
    }
}
