package cn.cbecpilot.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import cn.cbecpilot.platform.support.TracedProducts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The console's form that adds a product, over real HTTP with its session and CSRF token: a product added is named on
 * the products page with what was typed; what the API's constraints refuse is shown next to its field in the page's
 * language, with what was typed kept, and adds nothing; only compliance officers and administrators may add.
 */
class ProductPageIntegrationTest extends IntegrationTestBase {

    @Test
    void aDeviceAddedWithItsGtinIsNamedOnTheProductsPage() {
        String sku = "PF-" + nextBuyer();
        String gtin = TracedProducts.gtin();
        MultiValueMap<String, String> form = device(sku, gtin);

        EntityExchangeResult<String> answer = post(form);

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(String.valueOf(answer.getResponseHeaders().getLocation()))
                .isEqualTo("/console/products?added=" + sku + "#product-" + sku);
        Map<String, Object> row = db.sql(
                        "select name, gcode, category, price, gtin, vat_rate, max_per_order, seller_code"
                                + " from product where sku = $1")
                .bind(0, sku)
                .fetch()
                .one()
                .toFuture()
                .join();
        assertThat(row)
                .containsEntry("name", "血糖仪 试纸套装")
                .containsEntry("gcode", "9018909990")
                .containsEntry("category", "DEVICE")
                .containsEntry("gtin", gtin)
                .containsEntry("max_per_order", 3);
        assertThat(row.get("price").toString()).isEqualTo("268.00");
        assertThat(row.get("vat_rate").toString()).startsWith("0.13");
        assertThat(html(operator(), "/console/products?added=" + sku))
                .contains("id=\"product-added\"", "商品 血糖仪 试纸套装（" + sku + "）已添加。", "id=\"product-" + sku + "\"");
    }

    @Test
    void whatTheConstraintsRefuseIsShownNextToItsFieldWithWhatWasTyped() {
        String sku = "PF-" + nextBuyer();
        MultiValueMap<String, String> form = device(sku, "12345");
        form.set("name", " ");
        form.set("price", "268,00");
        form.set("gcode", "90189");
        form.set("vatRate", "1.5");
        form.set("maxPerOrder", "0");

        EntityExchangeResult<String> answer = post(form);

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String page = answer.getResponseBody();
        assertThat(PageForms.problemsUnder(page, "name")).contains("此项必填。");
        assertThat(PageForms.problemsUnder(page, "price")).contains("单价为 0.01 至 1000000 元，最多两位小数。");
        assertThat(PageForms.problemsUnder(page, "gcode")).contains("商品编码为 10 位数字。");
        assertThat(PageForms.problemsUnder(page, "gtin")).contains("GTIN 为 14 位数字。");
        assertThat(PageForms.problemsUnder(page, "vatRate")).contains("税率为 0 至 0.99，最多四位小数。");
        assertThat(PageForms.problemsUnder(page, "maxPerOrder")).contains("每单限购为 1 至 9999 件。");
        assertThat(page)
                .contains("value=\"268,00\"", "value=\"90189\"", "<option value=\"DEVICE\" selected=\"selected\"");
        assertThat(count("select count(*) from product where sku = '" + sku + "'"))
                .isZero();
    }

    @Test
    void theCataloguesRefusalsAreShownNextToTheirFields() {
        String sku = "PF-" + nextBuyer();
        String gtin = TracedProducts.gtin();
        post(device(sku, gtin));
        String wrongDigit = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);

        EntityExchangeResult<String> again = post(device(sku, wrongDigit));

        assertThat(again.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(PageForms.problemsUnder(again.getResponseBody(), "gtin")).contains("校验位");

        MultiValueMap<String, String> drug = device(sku, "");
        drug.set("category", "DRUG");
        drug.set("drugIdCode", "1234567");
        assertThat(PageForms.problemsUnder(post(drug).getResponseBody(), "drugIdCode"))
                .contains("8");

        MultiValueMap<String, String> limits = device("PF-" + nextBuyer(), TracedProducts.gtin());
        limits.set("maxPerYear", "2");
        assertThat(PageForms.problemsUnder(post(limits).getResponseBody(), "maxPerYear"))
                .contains("每人每年限购不能少于每单限购。");
        MultiValueMap<String, String> dots = device("..", TracedProducts.gtin());
        assertThat(PageForms.problemsUnder(post(dots).getResponseBody(), "sku")).contains("以字母或数字开头");

        MultiValueMap<String, String> same = device(sku, TracedProducts.gtin());
        assertThat(PageForms.problemsUnder(post(same).getResponseBody(), "sku")).contains("该编号已被其他商品使用。");
        assertThat(count("select count(*) from product where sku = '" + sku + "'"))
                .isOne();
    }

    @Test
    void onlyComplianceOfficersAndAdministratorsMayAdd() {
        String clerk = newOperator("OPERATOR");
        String sku = "PF-" + nextBuyer();

        assertThat(html(as(clerk), "/console/products")).doesNotContain("id=\"new-product\"");
        assertThat(html(operator(), "/console/products")).contains("id=\"new-product\"");
        EntityExchangeResult<String> refused = PageForms.open(as(clerk), "/console/products")
                .postForm("/console/products", device(sku, TracedProducts.gtin()));
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        as(clerk).get().uri("/console/products/new").exchange().expectStatus().isForbidden();
        assertThat(count("select count(*) from product where sku = '" + sku + "'"))
                .isZero();
    }

    @Test
    void theFormIsInBothLanguages() {
        for (String language : List.of("zh-CN", "en")) {
            String page = htmlIn(operator(), language, "/console/products/new");
            assertThat(page).as(language).doesNotContain("??").contains("name=\"drugIdCode\"");
        }
    }

    private EntityExchangeResult<String> post(MultiValueMap<String, String> form) {
        return PageForms.open(operator(), "/console/products/new").postForm("/console/products", form);
    }

    private static MultiValueMap<String, String> device(String sku, String gtin) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("sku", sku);
        form.add("name", "血糖仪 试纸套装");
        form.add("gcode", "9018909990");
        form.add("category", "DEVICE");
        form.add("price", "268.00");
        form.add("unit", "007");
        form.add("originCountry", "116");
        form.add("registrationCertificate", "国械注进20990000009");
        form.add("gtin", gtin);
        form.add("drugIdCode", "");
        form.add("vatRate", "");
        form.add("consumptionTaxRate", "");
        form.add("dutyRate", "");
        form.add("maxPerOrder", "3");
        form.add("maxPerYear", "");
        return form;
    }
}
