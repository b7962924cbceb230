package cn.cbecpilot.platform.exportreturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.exportreturn.domain.ExportListCsv;
import cn.cbecpilot.platform.support.BrowserTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operator in Chromium on the export returns page: a quantity that is none, then one more than the list line can
 * still return, each told next to the line's field in Chinese with nothing applied; a return applied and listed, and
 * one of coded units with their codes typed under the line; export lists uploaded as CSV, or refused with the reason;
 * the tally button in every state that allows it, and the disposal button; a return's own page with its lines,
 * timeline, customs messages and the actions its state allows.
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
        // at 1280 px the table takes the page's width: the quantity field shows what is typed, dates stay whole
        assertThat(find(field(place)).getRect().getWidth()).isGreaterThanOrEqualTo(80);
        assertThat(find("#export-lists").getRect().getWidth()).isGreaterThan(800);
        Object dateLines = page().executeScript(
                        "var r = document.createRange(); r.selectNodeContents(arguments[0]); return r.getClientRects().length;",
                        row(listNo, 1).findElements(By.cssSelector("td")).get(1));
        assertThat(((Number) dateLines).intValue())
                .as("the release date on one line")
                .isOne();

        type(field(place), "0");
        submit("#apply-return");

        assertThat(find(problemsOf(place)).getText()).isEqualTo("“0”不是有效的退回数量：请填写正整数。");
        assertThat(find(field(place)).getDomProperty("value")).isEqualTo("0");
        assertThat(find(field(place)).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(returnLines(listNo)).isZero();

        type(field(place), "11");
        submit("#apply-return");

        assertThat(find(problemsOf(place)).getText()).isEqualTo("出口清单 " + listNo + " 第 1 项：退回数量超过可退数量。");
        assertThat(find("#top-problems").getText()).contains("未能申请退货", "请按下方各行标出的提示修改");
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

    @Test
    void operatorReturnsCodedUnitsByTypingTheirCodesUnderTheLine() {
        String listNo = fixture.exportList(LocalDate.now(clock).minusDays(30), false);
        String codes = "codes." + listNo + ".2";
        signIn();
        open("/console/export-returns");
        assertThat(all(field("codes." + listNo + ".1")))
                .as("a line without recorded codes asks for none")
                .isEmpty();

        type(field("qty." + listNo + ".2"), "2");
        submit("#apply-return");

        assertThat(find(problemsOf(codes)).getText())
                .isEqualTo("出口清单 " + listNo + " 第 2 项出口时记录了追溯码：请为每件退回商品填写一个该行出口时记录的追溯码，不重复，且不在其他退货中。");
        assertThat(returnLines(listNo)).isZero();

        type(field(codes), listNo + "C1\n" + listNo + "C3");
        submit("#apply-return");

        waitFor().until(ExpectedConditions.urlContains("#return-"));
        String returnNo = page().getCurrentUrl().replaceAll(".*#return-", "");
        List<?> lines = (List<?>) fixture.details(returnNo).get("lines");
        assertThat(((Map<?, ?>) lines.get(0)).get("codes")).isEqualTo(List.of(listNo + "C1", listNo + "C3"));
        assertThat(fixture.status(returnNo)).isEqualTo("DECLARED");
    }

    @Test
    void operatorUploadsExportListsAsCsvAndIsToldHowManyListsAndLinesWereImported() throws IOException {
        String first = ExportReturnFixture.newListNo();
        String second = ExportReturnFixture.newListNo();
        LocalDate released = LocalDate.now(clock).minusDays(20);
        signIn();
        open("/console/export-returns");

        upload(csv(
                csvRow(first, released, 1, "3004909099", "10", ""),
                csvRow(first, released, 2, "9018390000", "2", first + "C1|" + first + "C2"),
                csvRow(second, released, 1, "3004909099", "5", "")));

        assertThat(find("#upload-imported").getText()).isEqualTo("已导入 2 个出口清单，共 3 行。");
        assertThat(row(first, 2).findElement(By.cssSelector(".returnable")).getText())
                .isEqualTo("2");
        assertThat(all(field("codes." + first + ".2"))).hasSize(1);
        assertThat(all("#export-lists tr[data-list='" + second + "']")).hasSize(1);
        assertThat(count("select count(*) from export_list_code where export_list_no = '" + first + "'"))
                .isEqualTo(2);
    }

    @Test
    void anUploadedFileWithABadLineIsRefusedWholeWithItsReasonNextToTheForm() throws IOException {
        String good = ExportReturnFixture.newListNo();
        String bad = ExportReturnFixture.newListNo();
        LocalDate released = LocalDate.now(clock).minusDays(20);
        signIn();
        open("/console/export-returns");

        upload(csv(csvRow(good, released, 1, "3004909099", "10", ""), csvRow(bad, released, 1, "30049", "10", "")));

        assertThat(all("#upload-imported")).isEmpty();
        WebElement refusal = find("#upload-refusals tbody tr");
        assertThat(refusal.getText())
                .contains("list " + bad)
                .contains("文件中有格式错误的行。")
                .contains("gcode");
        assertThat(count("select count(*) from export_list where export_list_no in ('" + good + "', '" + bad + "')"))
                .isZero();
    }

    @Test
    void aReturnUnderReviewCanBeTalliedFromItsRow() {
        String listNo = fixture.exportList(LocalDate.now(clock).minusDays(30), false);
        String returnNo = fixture.declared(List.of(ExportReturnFixture.line(listNo, 1, 2, null)));
        fixture.refundReceipt(returnNo, "300");
        signIn();
        open("/console/export-returns");
        String row = "[id='return-" + returnNo + "']";
        assertThat(find(row).getDomAttribute("data-status")).isEqualTo("UNDER_REVIEW");

        submit(row + " form[action$='/tally'] button");

        assertThat(find(row).getDomAttribute("data-status")).isEqualTo("ARRIVED");
        assertThat(fixture.status(returnNo)).isEqualTo("ARRIVED");
    }

    @Test
    void aReturnsOwnPageShowsItsLinesTimelineAndCustomsMessages() {
        String listNo = fixture.exportList(LocalDate.now(clock).minusDays(30), false);
        String returnNo = fixture.declared(List.of(ExportReturnFixture.line(listNo, 1, 3, null)));
        sendOutboxOf(returnNo);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(fixture.status(returnNo)));
        signIn();
        open("/console/export-returns");

        submit("[id='return-" + returnNo + "'] a.return-link");

        assertThat(page().getCurrentUrl()).endsWith("/console/export-returns/" + returnNo);
        assertThat(find("h1").getText()).isEqualTo("退货单 " + returnNo);
        assertThat(find("#return-status").getText()).isEqualTo("海关已接受");
        WebElement line = find("#return-lines tr[data-list='" + listNo + "'][data-gnum='1']");
        assertThat(line.findElement(By.cssSelector(".quantity")).getText()).isEqualTo("3");
        assertThat(all("#timeline li").stream().map(li -> li.getDomAttribute("data-event")))
                .containsExactly("APPLY", "DECLARE", "ACCEPT");
        assertThat(find("#timeline li:last-child .event").getText()).isEqualTo("海关接受");
        assertThat(all("#customs-messages details[data-type='CEB213'][data-direction='OUT']"))
                .hasSize(1);
        assertThat(all("#customs-messages details[data-type='CEB214'][data-direction='IN'][data-status='120']"))
                .hasSize(1);
        assertThat(all("#return-actions form.tally")).hasSize(1);
        assertThat(all("#return-actions form.redeclare")).isEmpty();
    }

    @Test
    void aRejectedReturnIsDeclaredAgainFromItsOwnPage() {
        String listNo = fixture.exportList(LocalDate.now(clock).minusDays(30), false);
        String returnNo = fixture.declared(List.of(ExportReturnFixture.line(listNo, 1, 2, null)));
        fixture.refundReceipt(returnNo, "100");
        signIn();
        open("/console/export-returns/" + returnNo);
        assertThat(find("#return-status").getDomAttribute("data-status")).isEqualTo("REJECTED");
        assertThat(all("#return-actions form.tally")).isEmpty();

        type("#return-actions form.redeclare input[name='reason']", "更正运单号后重新申报");
        submit("#return-actions form.redeclare button");

        assertThat(page().getCurrentUrl()).endsWith("/console/export-returns/" + returnNo);
        assertThat(find("#return-status").getDomAttribute("data-status")).isEqualTo("DECLARED");
        assertThat(find("#timeline li:last-child").getDomAttribute("data-event"))
                .isEqualTo("REDECLARE");
        assertThat(fixture.status(returnNo)).isEqualTo("DECLARED");
        assertThat(count("select count(*) from export_return where return_no = '" + returnNo
                        + "' and reason = '更正运单号后重新申报'"))
                .isOne();
    }

    @Test
    void aReturnIsTalliedFromItsOwnPageAndTheArrivalShownThere() {
        String listNo = fixture.exportList(LocalDate.now(clock).minusDays(30), false);
        String returnNo = fixture.declared(List.of(ExportReturnFixture.line(listNo, 1, 2, null)));
        fixture.refundReceipt(returnNo, "300");
        signIn();
        open("/console/export-returns/" + returnNo);

        submit("#return-actions form.tally button");

        assertThat(page().getCurrentUrl()).endsWith("/console/export-returns/" + returnNo);
        assertThat(find("#return-status").getDomAttribute("data-status")).isEqualTo("ARRIVED");
        assertThat(find("#return-lines .tallied").getText()).isEqualTo("2");
        assertThat(all("#return-actions form.tally")).isEmpty();
    }

    private void upload(String csv) throws IOException {
        Path file = Files.createTempFile("export-lists", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try {
            find("#lists-file").sendKeys(file.toAbsolutePath().toString());
            submit("#upload");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String csv(String... rows) {
        return String.join(",", ExportListCsv.COLUMNS) + "\n" + String.join("\n", rows) + "\n";
    }

    static String csvRow(String listNo, LocalDate released, int gnum, String gcode, String quantity, String codes) {
        return String.join(
                ",",
                listNo,
                "9610",
                "0101",
                "0101",
                "1101980001",
                "1101980002",
                "1101980003",
                "304",
                released.minusDays(1).toString(),
                released.toString(),
                "false",
                String.valueOf(gnum),
                gcode,
                "布洛芬缓释胶囊",
                "0.3g*24粒",
                quantity,
                "142",
                codes,
                "",
                "");
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
