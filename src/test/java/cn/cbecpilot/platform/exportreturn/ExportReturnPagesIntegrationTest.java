package cn.cbecpilot.platform.exportreturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * The export-return pages over real HTTP: the export-list upload with its session and CSRF token as a browser sends
 * them, the token in the multipart form, and a file larger than the upload takes answered on the page rather than
 * with a server error; both pages worded in full in each language.
 */
class ExportReturnPagesIntegrationTest extends IntegrationTestBase {

    @Autowired
    private ConnectionFactory connections;

    @Test
    void importsTheListsOfAFilePostedWithThePagesToken() {
        String listNo = ExportReturnFixture.newListNo();

        Answer answer = upload(validCsv(listNo).getBytes(StandardCharsets.UTF_8), true);

        assertThat(answer.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.body()).contains("已导入 1 个出口清单，共 1 行。");
        assertThat(lists(listNo)).isOne();
    }

    /**
     * The apply form sent twice at once (a double click) applies once: one return, one CEB213 to customs, and both
     * answers lead to it.
     */
    @Test
    void theApplyFormSentTwiceAtOnceAppliesOnce() throws Exception {
        String listNo = new ExportReturnFixture(operator(), null)
                .exportList(LocalDate.now(clock).minusDays(20), false);
        PageForms page = PageForms.open(operator(), "/console/export-returns");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("qty." + listNo + ".1", "1");
        form.add("key", UUID.randomUUID().toString());

        ExecutorService twoClicks = Executors.newFixedThreadPool(2);
        List<EntityExchangeResult<String>> answers;
        try {
            var first = twoClicks.submit(() -> page.postForm("/console/export-returns", form));
            var second = twoClicks.submit(() -> page.postForm("/console/export-returns", form));
            answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
        } finally {
            twoClicks.shutdownNow();
        }

        String returnNo = texts("select return_no from export_return where submission_key = $1", form.getFirst("key"))
                .get(0);
        assertThat(answers)
                .extracting(a -> String.valueOf(a.getResponseHeaders().getLocation()))
                .containsOnly("/console/export-returns#return-" + returnNo);
        assertThat(count("select count(*) from export_return_line where export_list_no = '" + listNo + "'"))
                .isOne();
        assertThat(count("select count(*) from customs_outbox where subject_no = '" + returnNo + "'"))
                .isOne();
    }

    /**
     * The same form sent twice at once naming other export lists (a form edited and sent again before the first answer
     * came): their locks do not meet, so both get as far as storing their return, and the second finds the form's key
     * taken. It is undone, its units are not taken, and it answers the return the first one created.
     */
    @Test
    void theSameFormSentAtOnceWithOtherListsAppliesOnce() throws Exception {
        ExportReturnFixture fixture = new ExportReturnFixture(operator(), null);
        List<String> listNos = List.of(
                fixture.exportList(LocalDate.now(clock).minusDays(20), false),
                fixture.exportList(LocalDate.now(clock).minusDays(20), false));
        PageForms page = PageForms.open(operator(), "/console/export-returns");
        String key = UUID.randomUUID().toString();
        List<MultiValueMap<String, String>> forms = listNos.stream()
                .map(listNo -> {
                    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
                    form.add("qty." + listNo + ".1", "1");
                    form.add("key", key);
                    return form;
                })
                .toList();

        Connection other = Mono.from(connections.create()).toFuture().join();
        ExecutorService twoSends = Executors.newFixedThreadPool(2);
        List<Future<EntityExchangeResult<String>>> sent;
        try {
            execute(other, "begin");
            execute(
                    other,
                    "select 1 from export_list_line where export_list_no in ('" + String.join("', '", listNos)
                            + "') for update");
            sent = forms.stream()
                    .map(form -> twoSends.submit(() -> page.postForm("/console/export-returns", form)))
                    .toList();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                    + " and query like 'select * from export_list_line%'")
                            == 2);
            execute(other, "commit");
        } finally {
            closeRolledBack(other);
        }
        List<EntityExchangeResult<String>> answers = new ArrayList<>();
        try {
            for (Future<EntityExchangeResult<String>> s : sent) {
                answers.add(s.get(60, TimeUnit.SECONDS));
            }
        } finally {
            twoSends.shutdownNow();
        }

        List<String> returnNos = texts("select return_no from export_return where submission_key = $1", key);
        assertThat(returnNos).hasSize(1);
        assertThat(answers)
                .extracting(a -> String.valueOf(a.getResponseHeaders().getLocation()))
                .containsOnly("/console/export-returns#return-" + returnNos.get(0));
        assertThat(count("select coalesce(sum(returned_quantity), 0) from export_list_line where export_list_no in ('"
                        + String.join("', '", listNos) + "')"))
                .as("the units of one list taken, the other's given back with its undone return")
                .isOne();
        assertThat(count("select count(*) from customs_outbox where subject_no = '" + returnNos.get(0) + "'"))
                .isOne();
    }

    @Test
    void bothPagesHaveAllTheirTextInEitherLanguage() {
        String listNo = ExportReturnFixture.newListNo();
        upload(validCsv(listNo).getBytes(StandardCharsets.UTF_8), true);
        String returnNo = (String) operator()
                .post()
                .uri("/api/export-returns")
                .bodyValue(Map.of("lines", List.of(ExportReturnFixture.line(listNo, 1, 1, null))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("returnNo");

        for (String language : List.of("zh-CN", "en")) {
            for (String path : List.of("/console/export-returns", "/console/export-returns/" + returnNo)) {
                String page = htmlIn(operator(), language, path);
                assertThat(page)
                        .as(path + " in " + language)
                        .doesNotContain("??")
                        .contains(returnNo);
            }
        }
    }

    @Test
    void anUnknownReturnsPageIsTheNotFoundPage() {
        operator()
                .get()
                .uri("/console/export-returns/ER-NONE")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("id=\"error-page\""));
    }

    @Test
    void refusesAFileLargerThanTheUploadTakesOnThePageAndImportsNothing() {
        String listNo = ExportReturnFixture.newListNo();
        String row = validCsv(listNo).lines().skip(1).findFirst().orElseThrow() + "\n";
        byte[] huge = (validCsv(listNo) + row.repeat(5 * 1024 * 1024 / row.length())).getBytes(StandardCharsets.UTF_8);

        Answer answer = upload(huge, true);

        assertThat(huge.length).isGreaterThan(cn.cbecpilot.platform.pages.UploadedFiles.MAX_BYTES);
        assertThat(answer.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(answer.body()).contains("id=\"upload-problem\"").contains("文件超过 4 MB，未导入任何内容。");
        assertThat(lists(listNo)).isZero();
    }

    private String validCsv(String listNo) {
        LocalDate released = LocalDate.now(clock).minusDays(10);
        return ExportReturnPagesBrowserIntegrationTest.csv(
                ExportReturnPagesBrowserIntegrationTest.csvRow(listNo, released, 1, "3004909099", "4", ""));
    }

    private long lists(String listNo) {
        return count("select count(*) from export_list where export_list_no = '" + listNo + "'");
    }

    record Answer(HttpStatus status, String body) {}

    /** Opens the page as the operator, then posts the upload with the page's session and, if asked, its token. */
    private Answer upload(byte[] file, boolean withToken) {
        WebTestClient as = http.mutate()
                .defaultHeaders(h -> {
                    h.setBasicAuth("operator", "operator");
                    h.set("Accept-Language", "zh-CN");
                })
                .build();
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(file)).filename("lists.csv");
        EntityExchangeResult<String> answer = PageForms.open(as, "/console/export-returns")
                .postMultipart("/console/export-returns/lists", form, withToken);
        return new Answer(HttpStatus.valueOf(answer.getStatus().value()), answer.getResponseBody());
    }
}
