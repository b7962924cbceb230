package cn.cbecpilot.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import cn.cbecpilot.platform.support.ReferenceData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** The pages over plain HTTP: error pages with their statuses, the API kept on problem+json, language, CSRF. */
class WebPagesIntegrationTest extends IntegrationTestBase {

    @Test
    void unknownPageAnswers404WithTheNotFoundPage() {
        assertPage("/no-such-page", HttpStatus.NOT_FOUND, "error-page");
    }

    @Test
    void unknownProductAndOrderPagesAnswer404WithTheNotFoundPage() {
        assertPage("/products/NO-SUCH-SKU", HttpStatus.NOT_FOUND, "data-status=\"404\"");
        assertPage("/orders/NO-SUCH-ORDER", HttpStatus.NOT_FOUND, "data-status=\"404\"");
    }

    @Test
    void consoleAnswersUnknownOrderWith404PageAndBadFilterWith400Page() {
        operator()
                .get()
                .uri("/console/orders/NO-SUCH-ORDER")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("data-status=\"404\""));
        operator()
                .get()
                .uri("/console/orders?status=NOT_A_STATE")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("data-status=\"400\""));
    }

    @Test
    void apiKeepsProblemJsonForAnUnknownOrder() {
        http.get()
                .uri("/api/orders/NO-SUCH-ORDER")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void pagesSpeakChineseByDefaultAndEnglishWhenTheBrowserAsks() {
        http.get().uri("/").exchange().expectBody(String.class).value(body -> assertThat(body)
                .contains("lang=\"zh-CN\"")
                .contains("下单须知"));
        http.get()
                .uri("/")
                .header("Accept-Language", "en-GB,en;q=0.9")
                .exchange()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("lang=\"en\"").contains("Before you order"));
    }

    @Test
    void langParameterWinsOverTheBrowserAndIsRememberedInACookie() {
        http.get()
                .uri("/?lang=en")
                .header("Accept-Language", "zh-CN")
                .exchange()
                .expectCookie()
                .valueEquals("lang", "en")
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("Before you order"));
    }

    @Test
    void consoleSendsBrowsersWithoutASessionToTheLoginPage() {
        http.get()
                .uri("/console/orders")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .valueEquals("Location", "/console/login");
    }

    /** A drug without an import registration certificate can never pass PILOT_PRODUCT: shown, but not offered. */
    @Test
    void aDrugWithoutItsImportRegistrationIsShownButNotOfferedForSale() {
        assertThat(html(http, "/products/DRG-MEL-3")).contains("not-for-sale").doesNotContain("id=\"add-to-cart\"");
        String certified = new ReferenceData(operator()).drugInStock("维生素C片 在售", "20.00", 5);
        assertThat(html(http, "/products/{sku}", certified))
                .contains("id=\"add-to-cart\"")
                .doesNotContain("not-for-sale");
    }

    /** A quantity the cart cannot take (past the form's own limits) comes back to the cart, saying so. */
    @Test
    void aQuantityTheCartCannotTakeComesBackToTheCartSayingSo() {
        PageForms product = PageForms.open(http, "/products/DRG-IBU-200");
        for (String quantity : List.of("0", "-3", "abc", "1.5", "1000", "99999999999999")) {
            var answer = product.postForm("/cart/lines", form("DRG-IBU-200", quantity));
            assertThat(answer.getStatus().is3xxRedirection()).as(quantity).isTrue();
            assertThat(answer.getResponseHeaders().getLocation()).as(quantity).hasToString("/cart?quantity=refused");
        }
        assertThat(product.postForm("/cart/lines", form("DRG-IBU-200", "2"))
                        .getResponseHeaders()
                        .getLocation())
                .hasToString("/cart");
        assertThat(html(http, "/cart?quantity=refused")).contains("id=\"quantity-refused\"");
        assertThat(html(http, "/cart")).doesNotContain("id=\"quantity-refused\"");
    }

    private static MultiValueMap<String, String> form(String sku, String quantity) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("sku", sku);
        form.add("quantity", quantity);
        return form;
    }

    @Test
    void formPostWithoutTheCsrfTokenIsRefusedAndChangesNoCart() {
        http.post()
                .uri("/cart/lines")
                .body(BodyInserters.fromFormData("sku", "DRG-IBU-200").with("quantity", "1"))
                .header("Accept", "text/html")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page)
                        .as("the error page saying the form may have lapsed with its session")
                        .contains("id=\"error-page\"", "data-status=\"403\""));
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        http.get()
                .uri("/")
                .exchange()
                .expectHeader()
                .valueMatches("Content-Security-Policy", ".*default-src 'self'.*")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff");
    }

    private void assertPage(String path, HttpStatus status, String marker) {
        http.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(body -> assertThat(body).contains(marker));
    }
}
