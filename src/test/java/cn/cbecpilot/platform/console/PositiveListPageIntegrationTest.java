package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The positive-list import page over real HTTP, with its session and CSRF token as a browser sends them: only
 * compliance officers may change the list, and a file too large for the import is refused on the page.
 */
class PositiveListPageIntegrationTest extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String CSV = "序号,税则号列,商品描述,备注\n1,30049090,其他药品,\n";

    @Test
    void anOperatorWithoutTheComplianceRoleCannotImportAnEditionFromThePage() {
        long editions = count("select count(*) from positive_list_edition");

        HttpStatus answer =
                upload(newOperator("OPERATOR"), "page-" + nextBuyer(), CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(answer).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(count("select count(*) from positive_list_edition")).isEqualTo(editions);
    }

    @Test
    void aComplianceOfficerImportsAnEditionFromThePage() {
        String edition = "page-" + nextBuyer();

        HttpStatus answer = upload(newOperator("COMPLIANCE"), edition, CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(answer).isEqualTo(HttpStatus.CREATED);
        assertThat(count("select count(*) from positive_list_edition where edition = '" + edition + "'"))
                .isOne();
    }

    @Test
    void refusesAFileLargerThanTheImportTakesOnThePageAndImportsNothing() {
        long editions = count("select count(*) from positive_list_edition");
        byte[] huge = (CSV + "2,30049090,其他药品,备注\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8);

        HttpStatus answer = upload(newOperator("COMPLIANCE"), "huge-" + nextBuyer(), huge);

        assertThat(huge.length).isGreaterThan(ConsolePositiveListController.MAX_FILE);
        assertThat(answer).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(count("select count(*) from positive_list_edition")).isEqualTo(editions);
    }

    @Test
    void refusesAnUploadWithoutItsCsrfTokenWith403AndImportsNothing() {
        long editions = count("select count(*) from positive_list_edition");
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("edition", "no-token-" + nextBuyer());
        form.part("effectiveFrom", "2030-01-01");
        form.part("file", new ByteArrayResource(CSV.getBytes(StandardCharsets.UTF_8)))
                .filename("list.csv");

        http.mutate()
                .defaultHeaders(h -> h.setBasicAuth(newOperator("COMPLIANCE"), "clerk-password-1"))
                .build()
                .post()
                .uri("/console/positive-list")
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(count("select count(*) from positive_list_edition")).isEqualTo(editions);
    }

    /** Opens the page as the operator, then posts the form with the page's session and token, as the browser does. */
    private HttpStatus upload(String operator, String edition, byte[] file) {
        WebTestClient as = http.mutate()
                .defaultHeaders(h -> h.setBasicAuth(operator, "clerk-password-1"))
                .build();
        EntityExchangeResult<String> page = as.get()
                .uri("/console/positive-list")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        Matcher token = CSRF.matcher(page.getResponseBody());
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        String session = page.getResponseCookies().getFirst("SESSION").getValue();

        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("_csrf", token.group(1));
        form.part("edition", edition);
        form.part("effectiveFrom", "2030-01-01");
        form.part("file", new ByteArrayResource(file)).filename("list.csv");
        return HttpStatus.valueOf(as.post()
                .uri("/console/positive-list")
                .cookie("SESSION", session)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value());
    }

    private String newOperator(String role) {
        String name = "clerk" + nextBuyer();
        operator()
                .post()
                .uri("/api/console/operators")
                .bodyValue(Map.of("username", name, "password", "clerk-password-1", "roles", List.of(role)))
                .exchange()
                .expectStatus()
                .isCreated();
        return name;
    }
}
