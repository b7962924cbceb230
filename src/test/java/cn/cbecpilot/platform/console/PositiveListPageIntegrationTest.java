package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import java.nio.charset.StandardCharsets;
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
