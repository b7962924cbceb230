package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The enterprises page's form that records a qualification, over real HTTP with its session and CSRF token: a renewal
 * under the same number extends the one held and clears its warning, a new number beside an expiring one marks that
 * one renewed, an expired one is superseded; the audit trail keeps each change; a refused form changes nothing and
 * an operator without the compliance role is not offered it.
 */
class QualificationFormIntegrationTest extends IntegrationTestBase {

    @Test
    void aRenewalUnderTheSameNumberExtendsTheQualificationAndClearsItsWarning() {
        LocalDate today = LocalDate.now(clock);
        String code = platform(today.minusYears(3), today.plusDays(10), today.minusYears(1), today.plusYears(2));
        assertThat(standings(code)).containsEntry("CBEC-" + code, "EXPIRING");

        EntityExchangeResult<String> answer =
                post(code, form("CBEC_PLATFORM", "CBEC-" + code, today.plusDays(11), today.plusYears(3)));

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(String.valueOf(answer.getResponseHeaders().getLocation()))
                .isEqualTo("/console/enterprises?recorded=" + code + "#enterprise-" + code);
        assertThat(rows(code))
                .containsExactlyInAnyOrder(
                        "CBEC_PLATFORM CBEC-" + code + " " + today.minusYears(3) + " " + today.plusYears(3),
                        "MEDICAL_ONLINE_TRADING MED-" + code + " " + today.minusYears(1) + " " + today.plusYears(2));
        assertThat(standings(code)).containsEntry("CBEC-" + code, "VALID");
        assertThat(html(operator(), "/console/enterprises?recorded=" + code))
                .contains("id=\"qualification-recorded\"", "（" + code + "）的资质已登记。");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from audit_event where action = 'ENTERPRISE_CHANGED'"
                                + " and target = 'enterprise/" + code + "' and before_state like '%"
                                + today.plusDays(10) + "%' and after_state like '%" + today.plusYears(3) + "%'")
                        == 1);
    }

    @Test
    void aNewNumberBesideAnExpiringOneRenewsItAndAnExpiredOneIsSuperseded() {
        LocalDate today = LocalDate.now(clock);
        String code = platform(today.minusYears(3), today.plusDays(5), today.minusYears(5), today.minusDays(3));

        post(code, form("CBEC_PLATFORM", "CBEC2-" + code, today.plusDays(6), today.plusYears(3)));
        post(code, form("MEDICAL_ONLINE_TRADING", "MED2-" + code, today, today.plusYears(5)));

        assertThat(standings(code))
                .containsEntry("CBEC-" + code, "RENEWED")
                .containsEntry("CBEC2-" + code, "NOT_YET_VALID")
                .containsEntry("MED2-" + code, "VALID")
                .doesNotContainKey("MED-" + code);
        assertThat(rows(code)).hasSize(3);
    }

    @Test
    void aRefusedFormComesBackWithWhatWasTypedAndChangesNothing() {
        LocalDate today = LocalDate.now(clock);
        String code = platform(today.minusYears(3), today.plusDays(10), today.minusYears(1), today.plusYears(2));
        List<String> before = rows(code);

        EntityExchangeResult<String> answer = post(code, form("", "N-" + code, today, today.minusDays(1)));

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String page = answer.getResponseBody();
        assertThat(PageForms.problemsUnder(page, "type-" + code)).contains("此项必填。");
        assertThat(PageForms.problemsUnder(page, "validUntil-" + code)).contains("有效期至不能早于有效期自。");
        assertThat(page).contains("value=\"N-" + code + "\"", "<details class=\"record-qualification\" open");

        EntityExchangeResult<String> badDay = post(code, form("CBEC_PLATFORM", "N-" + code, null, today));
        assertThat(PageForms.problemsUnder(badDay.getResponseBody(), "validFrom-" + code))
                .contains("请填写有效日期");
        assertThat(rows(code)).isEqualTo(before);

        PageForms page2 = PageForms.open(operator(), "/console/enterprises");
        assertThat(page2.postForm(
                                "/console/enterprises/NOSUCHCODE/qualifications",
                                form("CBEC_PLATFORM", "X", today, today.plusYears(1)))
                        .getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anOperatorWithoutTheComplianceRoleIsNotOfferedTheForm() {
        LocalDate today = LocalDate.now(clock);
        String code = platform(today.minusYears(3), today.plusDays(10), today.minusYears(1), today.plusYears(2));
        WebTestClient clerk = as(newOperator("OPERATOR"));

        assertThat(html(clerk, "/console/enterprises")).contains(code).doesNotContain("qualification-form");
        assertThat(html(operator(), "/console/enterprises")).contains("qualification-form");
        EntityExchangeResult<String> refused = PageForms.open(clerk, "/console/enterprises")
                .postForm(
                        "/console/enterprises/" + code + "/qualifications",
                        form("CBEC_PLATFORM", "CBEC-" + code, today, today.plusYears(3)));
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A platform enterprise with its two pilot qualifications valid over the periods given; answers its code. */
    private String platform(LocalDate cbecFrom, LocalDate cbecUntil, LocalDate medFrom, LocalDate medUntil) {
        String code = String.format("Q%09d", nextBuyer() % 1_000_000_000L);
        operator()
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of(
                        "code",
                        code,
                        "name",
                        "续办测试平台",
                        "region",
                        "HAINAN",
                        "roles",
                        List.of("PLATFORM"),
                        "qualifications",
                        List.of(
                                Map.of(
                                        "type",
                                        "CBEC_PLATFORM",
                                        "number",
                                        "CBEC-" + code,
                                        "validFrom",
                                        cbecFrom.toString(),
                                        "validUntil",
                                        cbecUntil.toString()),
                                Map.of(
                                        "type",
                                        "MEDICAL_ONLINE_TRADING",
                                        "number",
                                        "MED-" + code,
                                        "validFrom",
                                        medFrom.toString(),
                                        "validUntil",
                                        medUntil.toString()))))
                .exchange()
                .expectStatus()
                .isCreated();
        return code;
    }

    private EntityExchangeResult<String> post(String code, MultiValueMap<String, String> form) {
        return PageForms.open(operator(), "/console/enterprises")
                .postForm("/console/enterprises/" + code + "/qualifications", form);
    }

    private static MultiValueMap<String, String> form(String type, String number, LocalDate from, LocalDate until) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("type", type);
        form.add("number", number);
        form.add("validFrom", from == null ? "31/02/2027" : from.toString());
        form.add("validUntil", until.toString());
        return form;
    }

    private List<String> rows(String code) {
        return db.sql("select type || ' ' || number || ' ' || valid_from || ' ' || valid_until from qualification"
                        + " where enterprise_code = $1 order by type, number")
                .bind(0, code)
                .map((r, m) -> r.get(0, String.class))
                .all()
                .collectList()
                .toFuture()
                .join();
    }

    /** Each qualification number of the enterprise with the standing its page shows. */
    private Map<String, String> standings(String code) {
        String page = html(operator(), "/console/enterprises");
        String article = page.substring(page.indexOf("id=\"enterprise-" + code + "\""));
        article = article.substring(0, article.indexOf("</article>"));
        Map<String, String> standings = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "data-standing=\"([A-Z_]+)\"[^>]*>\\s*<td>[^<]*</td>\\s*<td>([^<]+)</td>")
                .matcher(article);
        while (m.find()) {
            standings.put(m.group(2), m.group(1));
        }
        return standings;
    }
}
