package cn.cbecpilot.platform.exportreturn;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.support.BrowserTestBase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operator in Chromium on the export returns page: a quantity that is none, then one more than the list line can
 * still return, each told next to the line's field in Chinese with nothing applied; a return applied and listed; the
 * tally and disposal buttons of a return's row.
 */
class ExportReturnPagesBrowserIntegrationTest extends BrowserTestBase {

    @Autowired
    List<ReceiptConsumer> consumers;

    private ExportReturnFixture fixture;

    @BeforeEach
    void fixture() {
        ReceiptConsumer forReturns = consumers.stream()
                .filter(c -> c instanceof ExportReturnReceipts)
                .findFirst()
                .orElseThrow();
        fixture = new ExportReturnFixture(operator(), forReturns);
    }

    @Test
    void operatorIsToldNextToTheLineWhatIsWrongWithAQuantityAndThenAppliesForAReturn() {
        String listNo = fixture.exportList(LocalDate.now(clock).minusDays(30), false);
        String place = "qty." + listNo + ".1";
        signIn();
        open("/console/export-returns");
        assertThat(row(listNo, 1).findElement(By.cssSelector(".returnable")).getText())
                .isEqualTo("10");

        type(field(place), "0");
        submit("#apply-return");

        assertThat(find(problemsOf(place)).getText()).isEqualTo("“0”不是有效的退回数量：请填写正整数。");
        assertThat(find(field(place)).getDomProperty("value")).isEqualTo("0");
        assertThat(find(field(place)).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(returnLines(listNo)).isZero();

        type(field(place), "11");
        submit("#apply-return");

        assertThat(find(problemsOf(place)).getText()).isEqualTo("出口清单 " + listNo + " 第 1 项：退回数量超过可退数量。");
        assertThat(find("#top-problems").getText()).contains("未能申请退货");
        assertThat(find("main").getText()).doesNotContain("asked back").doesNotContain("QUANTITY");
        assertThat(returnLines(listNo)).isZero();

        type(field(place), "2");
        new Select(find("#disposition")).selectByValue("BONDED_STORAGE");
        type("#reason", "包装破损，退回保税仓换标");
        submit("#apply-return");

        waitFor().until(ExpectedConditions.urlContains("#return-"));
        String returnNo = page().getCurrentUrl().replaceAll(".*#return-", "");
        assertThat(all("#top-problems")).isEmpty();
        assertThat(find("[id='return-" + returnNo + "']").getDomAttribute("data-status"))
                .isEqualTo("DECLARED");
        assertThat(find("[id='return-" + returnNo + "'] .status").getText()).isEqualTo("已申报");
        assertThat(returnLines(listNo)).isEqualTo(1);
        assertThat(fixture.status(returnNo)).isEqualTo("DECLARED");
    }

    @Test
    void aLineOfAListReleasedMoreThanAYearAgoIsToldItsReturnWindowHasPassed() {
        String listNo = fixture.exportList(LocalDate.now(clock).minusDays(400), false);
        String place = "qty." + listNo + ".1";
        signIn();
        open("/console/export-returns");

        type(field(place), "1");
        submit("#apply-return");

        assertThat(find(problemsOf(place)).getText()).isEqualTo("出口清单 " + listNo + " 出口放行已超过一年，不能再退货。");
        assertThat(returnLines(listNo)).isZero();
    }

    @Test
    void operatorTalliesTheArrivedGoodsAndDisposesOfThemIntoBondWithTheRowsButtons() {
        String listNo = fixture.exportList(LocalDate.now(clock).minusDays(30), false);
        String returnNo = fixture.declared(List.of(ExportReturnFixture.line(listNo, 1, 3, null)));
        fixture.refundReceipt(returnNo, "120");
        signIn();
        open("/console/export-returns");
        String row = "[id='return-" + returnNo + "']";
        assertThat(find(row).getDomAttribute("data-status")).isEqualTo("ACCEPTED");

        submit(row + " form[action$='/tally'] button");
        assertThat(find(row).getDomAttribute("data-status")).isEqualTo("ARRIVED");
        assertThat(fixture.status(returnNo)).isEqualTo("ARRIVED");

        fixture.refundReceipt(returnNo, "800");
        open("/console/export-returns");
        assertThat(find(row).getDomAttribute("data-status")).isEqualTo("RELEASED");
        new Select(find(row + " form[action$='/dispose'] select")).selectByValue("BONDED_STORAGE");
        submit(row + " form[action$='/dispose'] button");

        assertThat(find(row).getDomAttribute("data-status")).isEqualTo("BONDED_STORAGE");
        assertThat(find(row + " .status").getText()).isEqualTo("保税存储");
        assertThat(fixture.status(returnNo)).isEqualTo("BONDED_STORAGE");
    }

    private WebElement row(String listNo, int gnum) {
        return find("#export-lists tr[data-list='" + listNo + "'][data-gnum='" + gnum + "']");
    }

    private static String field(String place) {
        return "[id='" + place + "']";
    }

    private static String problemsOf(String place) {
        return "[id='" + place + "-problems']";
    }

    private long returnLines(String listNo) {
        return count("select count(*) from export_return_line where export_list_no = '" + listNo + "'");
    }

    private void signIn() {
        open("/console/login");
        type("#username", "operator");
        type("#password", "operator");
        submit("#sign-in");
    }
}
