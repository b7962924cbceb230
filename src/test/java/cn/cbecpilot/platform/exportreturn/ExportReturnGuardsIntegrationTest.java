package cn.cbecpilot.platform.exportreturn;

import static cn.cbecpilot.platform.exportreturn.ExportReturnFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import cn.cbecpilot.platform.exportreturn.domain.ExportListCsv;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Bad input, races for the last units, the expiry job and the CSV import of export lists. */
class ExportReturnGuardsIntegrationTest extends IntegrationTestBase {

    @Autowired
    List<ReceiptConsumer> consumers;

    @Autowired
    ExpiringExportReturns expiring;

    @LocalServerPort
    int port;

    private ExportReturnFixture fixture;
    private LocalDate today;

    @BeforeEach
    void fixture() {
        fixture = new ExportReturnFixture(
                operator(),
                consumers.stream()
                        .filter(c -> c instanceof ExportReturnReceipts)
                        .findFirst()
                        .orElseThrow());
        today = LocalDate.now(clock);
    }

    private long rows() {
        return count("select (select count(*) from export_return) + (select count(*) from export_return_line)"
                + " + (select count(*) from customs_outbox) + (select coalesce(sum(returned_quantity), 0)"
                + " from export_list_line)");
    }

    @Test
    void refusesAnApplicationWithAllItsViolationsAndChangesNothing() {
        String recent = fixture.exportList(today.minusDays(20), false);
        String old = fixture.exportList(today.minusMonths(13), false);
        long before = rows();

        fixture.apply(List.of(
                        line("NO-SUCH-LIST", 1, 1, null),
                        line(old, 1, 1, null),
                        line(recent, 9, 1, null),
                        line(recent, 1, 11, null),
                        line(recent, 2, 1, List.of("NOT" + recent))))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations[?(@.code == 'NOT_EXPORTED')].line")
                .isEqualTo(1)
                .jsonPath("$.violations[?(@.code == 'RETURN_WINDOW')].line")
                .isEqualTo(2)
                .jsonPath("$.violations[?(@.code == 'QUANTITY')].line")
                .isEqualTo(4)
                .jsonPath("$.violations[?(@.code == 'NOT_ORIGINAL')].line")
                .isEqualTo(List.of(3, 5));

        assertThat(rows()).isEqualTo(before);
    }

    /**
     * A list that recorded no codes for a line cannot tell which codes left on it, but codes given for that line still
     * name each unit once: as many as the units, none twice (which the return's table could not hold either).
     */
    @Test
    void codesGivenForALineWhoseListRecordedNoneAreOnePerUnitAndEachOnce() {
        String list = fixture.exportList(today.minusDays(20), false);
        long before = rows();

        fixture.apply(List.of(line(list, 1, 2, List.of(list + "D1", list + "D1"))))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[?(@.code == 'NOT_ORIGINAL')].message")
                .value(messages -> assertThat(messages.toString()).contains("is given twice"));
        fixture.apply(List.of(line(list, 1, 1, List.of(list + "D1", list + "D2", list + "D3"))))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("NOT_ORIGINAL");
        assertThat(rows()).isEqualTo(before);

        fixture.declared(List.of(line(list, 1, 2, List.of(list + "D1", list + "D2"))));
    }

    @Test
    void answersMalformedRequestsWith4xxAndChangesNothing() {
        String list = fixture.exportList(today.minusDays(20), false);
        long before = rows();

        for (Object body : List.of(
                Map.of("lines", List.of()),
                Map.of("lines", List.of(Map.of("exportListNo", list, "gnum", 1))),
                Map.of("lines", List.of(Map.of("exportListNo", list, "gnum", 1, "quantity", 0))),
                Map.of("lines", List.of(Map.of("exportListNo", list, "gnum", 1, "quantity", 1.5))),
                Map.of("lines", List.of(line(list, 1, 1, null)), "disposition", "SOLD"),
                "not json")) {
            operator()
                    .post()
                    .uri("/api/export-returns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        http.post()
                .uri("/api/export-returns")
                .bodyValue(Map.of("lines", List.of(line(list, 1, 1, null))))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.get().uri("/api/export-returns/ER1").exchange().expectStatus().isUnauthorized();
        operator()
                .get()
                .uri("/api/export-returns/ER1")
                .exchange()
                .expectStatus()
                .isNotFound();
        operator()
                .post()
                .uri("/api/console/export-returns/ER1/tally")
                .bodyValue(Map.of("lines", List.of(Map.of("quantity", 1))))
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refusesEventsTheStateDoesNotAllowWith409NamingTheState() {
        String list = fixture.exportList(today.minusDays(20), false);
        String returnNo = fixture.declared(List.of(line(list, 1, 1, null)));

        fixture.post(
                        "/api/console/export-returns/" + returnNo + "/tally",
                        Map.of("lines", List.of(Map.of("quantity", 1))))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("DECLARED"));
        fixture.post("/api/console/export-returns/" + returnNo + "/dispose", Map.of("disposition", "BONDED_STORAGE"))
                .expectStatus()
                .isEqualTo(409);
        fixture.post("/api/console/export-returns/" + returnNo + "/steps/re-exported", Map.of())
                .expectStatus()
                .isEqualTo(409);
        fixture.post("/api/console/export-returns/" + returnNo + "/steps/polished", Map.of())
                .expectStatus()
                .isNotFound();
        assertThat(fixture.status(returnNo)).isEqualTo("DECLARED");
        operator()
                .get()
                .uri("/api/console/export-returns")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.returnNo == '" + returnNo + "')].status")
                .isEqualTo("DECLARED");
    }

    @Test
    void letsOnlyOneOfConcurrentApplicationsTakeTheLastUnits() {
        String list = fixture.exportList(today.minusDays(20), false);
        fixture.declared(List.of(line(list, 1, 8, null)));
        WebClient client = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth("operator", "operator"))
                .build();

        List<Integer> statuses = Flux.fromStream(IntStream.range(0, 8).boxed())
                .flatMap(
                        i -> client.post()
                                .uri("/api/export-returns")
                                .bodyValue(Map.of("lines", List.of(line(list, 1, 2, null))))
                                .exchange()
                                .flatMap(r -> r.releaseBody()
                                        .thenReturn(r.statusCode().value()))
                                .timeout(Duration.ofSeconds(30)),
                        8)
                .collectList()
                .toFuture()
                .join();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(7);
        assertThat(count("select returned_quantity::bigint from export_list_line where export_list_no = '" + list
                        + "' and gnum = 1"))
                .isEqualTo(10);
    }

    @Test
    void expiresReturnsWhoseGoodsDidNotArriveWithinTheYearOnceAndGivesTheirUnitsBack() {
        String list = fixture.exportList(today.minusDays(300), false);
        String returnNo = fixture.declared(List.of(line(list, 1, 4, null)));
        fixture.refundReceipt(returnNo, "120");
        Instant before = clock.instant();
        try {
            clock.set(before.plus(Duration.ofDays(65)));
            expiring.expireDue(10_000).toFuture().join();
            assertThat(fixture.status(returnNo))
                    .as("the last day of the window is not past")
                    .isEqualTo("ACCEPTED");

            clock.set(before.plus(Duration.ofDays(67)));
            expiring.expireDue(10_000).toFuture().join();
            long timeline = count("select count(*) from export_return_history where return_no = '" + returnNo + "'");
            expiring.expireDue(10_000).toFuture().join();

            assertThat(fixture.status(returnNo)).isEqualTo("EXPIRED");
            assertThat(count("select count(*) from export_return_history where return_no = '" + returnNo + "'"))
                    .isEqualTo(timeline);
            assertThat(count("select returned_quantity::bigint from export_list_line where export_list_no = '" + list
                            + "' and gnum = 1"))
                    .isZero();
        } finally {
            clock.set(before);
        }
    }

    @Test
    void importsExportListsFromCsvAsTextOrAsAFileAndListsThem() {
        String a = ExportReturnFixture.newListNo();
        String b = ExportReturnFixture.newListNo();
        String head = ",9610,0101,0101,1101980001,1101980002,1101980003,304," + today.minusDays(5) + ","
                + today.minusDays(4) + ",false,";
        String csv = String.join(",", ExportListCsv.COLUMNS) + "\n"
                + a + head + "1,3004909099,布洛芬,,5,142,,,\n"
                + a + head + "2,9018390000,注射器,5ml,2," + "011," + a + "X1|" + a + "X2,0.012,035\n";

        operator()
                .post()
                .uri("/api/console/export-lists")
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.exportListNos[0]")
                .isEqualTo(a);
        operator()
                .post()
                .uri("/api/console/export-lists")
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(csv.replace(a, b).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return "lists.csv";
                    }
                })
                .contentType(MediaType.parseMediaType("text/csv"));
        operator()
                .post()
                .uri("/api/console/export-lists")
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus()
                .isCreated();

        operator()
                .get()
                .uri("/api/console/export-lists")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.exportListNo == '" + b + "')].lines[1].gcode")
                .isEqualTo("9018390000")
                .jsonPath("$[?(@.exportListNo == '" + b + "')].releasedAt")
                .isEqualTo(today.minusDays(4).toString())
                .jsonPath("$[?(@.exportListNo == '" + b + "')].lines[0].returnedQuantity")
                .isEqualTo(0);
        assertThat(count("select count(*) from export_list_line where export_list_no = '" + b
                        + "' and ((gnum = 1 and legal_quantity = 5 and legal_unit = '142')"
                        + " or (gnum = 2 and legal_quantity = 0.012 and legal_unit = '035'))"))
                .isEqualTo(2);

        operator()
                .post()
                .uri("/api/console/export-lists")
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("exportListNo\nX")
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    @Test
    void loadsTheDemoListsReleasedAboutTwoAndThirteenMonthsAgo() {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from export_list where export_list_no like 'DEMO-EL-%'") == 2);
        assertThat(count("select count(*) from export_list where export_list_no = '" + ExportReturnDemoData.OLD
                        + "' and released_on < current_date - 365"))
                .isEqualTo(1);
        operator()
                .get()
                .uri("/api/console/export-lists")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.exportListNo == '" + ExportReturnDemoData.RECENT + "')].tradeMode")
                .isEqualTo("9610")
                .jsonPath("$[?(@.exportListNo == '" + ExportReturnDemoData.OLD + "')].lines.length()")
                .isEqualTo(2);
    }
}
