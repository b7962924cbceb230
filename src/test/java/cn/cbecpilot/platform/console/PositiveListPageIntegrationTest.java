package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The positive-list import page over real HTTP, with its session and CSRF token as a browser sends them: only
 * compliance officers may change the list, and a file too large for the import is refused on the page.
 */
class PositiveListPageIntegrationTest extends IntegrationTestBase {

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

    /** A refused file (an open quote, a file not in UTF-8) is said on the page, which keeps the edition and date. */
    @Test
    void aRefusedFileKeepsTheEditionAndDateTypedAndImportsNothing() {
        long editions = count("select count(*) from positive_list_edition");
        String edition = "kept-" + nextBuyer();
        for (byte[] file : List.of(
                (CSV + "2,30049090,\"未闭合的引号,\n").getBytes(StandardCharsets.UTF_8),
                (CSV + "2,30049090,caf\u00e9,\n").getBytes(StandardCharsets.ISO_8859_1))) {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("edition", edition);
            form.part("effectiveFrom", "2030-01-01");
            form.part("file", new ByteArrayResource(file)).filename("list.csv");
            var answer = PageForms.open(as(newOperator("COMPLIANCE")), "/console/positive-list")
                    .postMultipart("/console/positive-list", form, true);

            assertThat(answer.getStatus().value()).isEqualTo(422);
            assertThat(answer.getResponseBody()).contains("value=\"" + edition + "\"", "value=\"2030-01-01\"");
        }
        assertThat(count("select count(*) from positive_list_edition")).isEqualTo(editions);
    }

    @Test
    void refusesAFileLargerThanTheImportTakesOnThePageAndImportsNothing() {
        long editions = count("select count(*) from positive_list_edition");
        byte[] huge = (CSV + "2,30049090,其他药品,备注\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8);

        HttpStatus answer = upload(newOperator("COMPLIANCE"), "huge-" + nextBuyer(), huge);

        assertThat(huge.length).isGreaterThan(cn.cbecpilot.platform.pages.UploadedFiles.MAX_BYTES);
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

        as(newOperator("COMPLIANCE"))
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
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("edition", edition);
        form.part("effectiveFrom", "2030-01-01");
        form.part("file", new ByteArrayResource(file)).filename("list.csv");
        return HttpStatus.valueOf(PageForms.open(as(operator), "/console/positive-list")
                .postMultipart("/console/positive-list", form, true)
                .getStatus()
                .value());
    }
}
