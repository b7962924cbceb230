package cn.cbecpilot.platform.bond;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import cn.cbecpilot.platform.support.TracedProducts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The console's form for goods entering bond over real HTTP, with its session and CSRF token as a browser sends them:
 * a lot entered with its scanned codes is named on the products page; a refused one comes back with what was typed and
 * each problem next to its field, and writes no lot and no code.
 */
class LotEntryPageIntegrationTest extends IntegrationTestBase {

    private final LocalDate expiry = LocalDate.of(2029, 6, 30);

    @Test
    void aLotEnteredWithItsScannedCodesIsNamedOnTheProductsPage() {
        TracedProducts.Traced drug = new TracedProducts(operator()).drug("布洛芬缓释胶囊", "39.00");
        List<String> codes = List.of(
                TracedProducts.nmpa(drug.productKey(), TracedProducts.serial()),
                TracedProducts.nmpa(drug.productKey(), TracedProducts.serial()));

        EntityExchangeResult<String> answer = post(form(drug.sku(), "PB-0001", expiry.toString(), "2", lines(codes)));

        assertThat(answer.getStatus().value()).isEqualTo(303);
        String location = String.valueOf(answer.getResponseHeaders().getLocation());
        long lotId = count("select id from lot where sku = '" + drug.sku() + "' and batch_no = 'PB-0001'");
        assertThat(location).isEqualTo("/console/products?entered=" + lotId + "#lot-" + lotId);
        assertThat(count("select count(*) from trace_code where lot_id = " + lotId))
                .isEqualTo(2);
        assertThat(html(operator(), location.substring(0, location.indexOf('#'))))
                .contains("批号 PB-0001 已入区：2 件，2 个追溯码。", "id=\"lot-" + lotId + "\"");
    }

    @Test
    void aLotWithoutCodesHasThemIssuedHere() {
        TracedProducts.Traced drug = new TracedProducts(operator()).drug("氯雷他定片", "29.00");

        EntityExchangeResult<String> answer = post(form(drug.sku(), "PB-0002", expiry.toString(), "3", "\n  \n"));

        assertThat(answer.getStatus().value()).isEqualTo(303);
        assertThat(count("select count(*) from trace_code c join lot l on l.id = c.lot_id where l.sku = '" + drug.sku()
                        + "' and l.batch_no = 'PB-0002'"))
                .isEqualTo(3);
    }

    @Test
    void theFormsOwnProblemsShowNextToTheirFieldsWithWhatWasTyped() {
        TracedProducts.Traced drug = new TracedProducts(operator()).drug("布洛芬缓释胶囊", "39.00");

        EntityExchangeResult<String> answer = post(form(drug.sku(), "PB 01/x", "30.06.2029", "0", ""));

        assertThat(answer.getStatus().value()).isEqualTo(422);
        String page = answer.getResponseBody();
        assertThat(PageForms.problemsUnder(page, "batchNo")).contains("批号只能包含字母、数字和连字符");
        assertThat(PageForms.problemsUnder(page, "expiry")).contains("请填写有效日期");
        assertThat(PageForms.problemsUnder(page, "quantity")).contains("件数须为 1 至 100,000 的整数");
        assertThat(page)
                .contains(
                        "value=\"PB 01/x\"",
                        "value=\"30.06.2029\"",
                        "<option value=\"" + drug.sku() + "\" selected=\"selected\"");
        assertThat(count("select count(*) from lot where sku = '" + drug.sku() + "'"))
                .isZero();
    }

    @Test
    void theEntrysRefusalsNameTheCodesTheyAreAbout() {
        TracedProducts products = new TracedProducts(operator());
        TracedProducts.Traced drug = products.drug("布洛芬缓释胶囊", "39.00");
        TracedProducts.Traced other = products.drug("氯雷他定片", "29.00");
        String taken = TracedProducts.nmpa(drug.productKey(), TracedProducts.serial());
        products.lotInBond(drug.sku(), "PB-0003", expiry, 1, List.of(taken));
        String ofOther = TracedProducts.nmpa(other.productKey(), TracedProducts.serial());

        EntityExchangeResult<String> answer =
                post(form(drug.sku(), "PB-0004", expiry.toString(), "3", lines(List.of(taken, ofOther))));

        assertThat(answer.getStatus().value()).isEqualTo(422);
        String codes = PageForms.problemsUnder(answer.getResponseBody(), "codes");
        assertThat(codes).contains("追溯码数量与入区数量不符", taken, "追溯码已登记", ofOther, "追溯码属于其他商品");
        assertThat(count("select count(*) from lot where sku = '" + drug.sku() + "' and batch_no = 'PB-0004'"))
                .isZero();

        EntityExchangeResult<String> again = post(form(drug.sku(), "PB-0003", expiry.toString(), "1", ""));
        assertThat(again.getStatus().value()).isEqualTo(422);
        assertThat(PageForms.problemsUnder(again.getResponseBody(), "batchNo")).contains("该商品的这个批号已登记入区。");

        EntityExchangeResult<String> expired = post(form(drug.sku(), "PB-0005", "2020-01-01", "1", ""));
        assertThat(PageForms.problemsUnder(expired.getResponseBody(), "expiry")).contains("已过有效期的商品不能入区。");

        EntityExchangeResult<String> unknown = post(form("NO-SUCH-SKU", "PB-0006", expiry.toString(), "1", ""));
        assertThat(PageForms.problemsUnder(unknown.getResponseBody(), "sku")).contains("没有此商品。");
        assertThat(count("select count(*) from lot where batch_no in ('PB-0005', 'PB-0006')"))
                .isZero();
    }

    @Test
    void theFormIsInBothLanguages() {
        for (String language : List.of("zh-CN", "en")) {
            String page = htmlIn(operator(), language, "/console/lots/new");
            assertThat(page).as(language).doesNotContain("??").contains("name=\"codes\"");
        }
    }

    private EntityExchangeResult<String> post(MultiValueMap<String, String> form) {
        return PageForms.open(operator(), "/console/lots/new").postForm("/console/lots", form);
    }

    private static MultiValueMap<String, String> form(
            String sku, String batchNo, String expiry, String quantity, String codes) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("sku", sku);
        form.add("batchNo", batchNo);
        form.add("expiry", expiry);
        form.add("quantity", quantity);
        form.add("codes", codes);
        return form;
    }

    private static String lines(List<String> codes) {
        return String.join("\r\n", codes);
    }

    /** The problems shown under the field, as the page marks them up. */
}
