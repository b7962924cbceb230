package cn.cbecpilot.platform.web;

import static cn.cbecpilot.platform.support.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import cn.cbecpilot.platform.support.ReferenceData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Client mistakes that once reached the platform's catch-all, or got through: each is now a 4xx, as problem+json on
 * the API with what is wrong, and changes nothing.
 */
class ClientMistakesIntegrationTest extends IntegrationTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    /** A header value as a client sends it in UTF-8, which HTTP reads byte by byte; the firewall refuses it. */
    @Test
    void aHeaderValueThatIsNotAsciiIsMalformedNotAFailure() throws IOException {
        String key = "ключ-" + UUID.randomUUID();
        byte[] body = JSON.writeValueAsBytes(
                anOrderRequest().line("DRG-LOR-10", 1).buyer(nextBuyer()).body());

        String answer = raw("POST /api/orders HTTP/1.1", "Idempotency-Key: " + key, body);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json", "header");
        assertThat(raw("GET /api/orders/CB1 HTTP/1.1", "X-Order-Token: 中文令牌", new byte[0]))
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json");
        assertThat(count("select count(*) from customer_order where idempotency_key like '%" + key.substring(5) + "'"))
                .isZero();
    }

    /**
     * Text XML cannot hold would stop the parcel's declaration at the single window; a lone half of a surrogate pair
     * would be stored as '?'. Separators a scanner passes on are for scanned codes, not addresses.
     */
    @Test
    void textThatXmlCannotHoldIsRefusedAtTheDoor() throws JsonProcessingException {
        for (String[] field : List.of(
                new String[] {"buyer.name", "张\\uffff"},
                new String[] {"buyer.name", "张\\ud800"},
                new String[] {"buyer.name", "\\udc00张"},
                new String[] {"consignee.address", "北京市\\u001d海淀区"},
                new String[] {"consignee.address", "北京市\\u0085海淀区"})) {
            String key = UUID.randomUUID().toString();
            String body = orderJson(field[0], field[1]);

            postOrder(key, body)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.violations[0].field")
                    .isEqualTo(field[0]);
            assertThat(ordersUnder(key)).as(field[1]).isZero();
        }
    }

    @Test
    void aBodyIsOneJsonValueWithEachKeyOnce() throws JsonProcessingException {
        String valid = JSON.writeValueAsString(
                anOrderRequest().line("DRG-LOR-10", 1).buyer(nextBuyer()).body());
        String twice = valid.replace("\"lines\":", "\"lines\":[{\"sku\":\"DRG-LOR-10\",\"quantity\":9}],\"lines\":");

        for (String body : List.of(valid + " and then some", valid + valid, twice)) {
            String key = UUID.randomUUID().toString();
            postOrder(key, body)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(ordersUnder(key)).isZero();
        }
    }

    @Test
    void noRouteNoMethodNoBodyTypeAndNoCredentialsAreProblemsToo() {
        http.put()
                .uri("/api/products")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value("Allow", allow -> assertThat(allow).contains("GET"))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(405);
        http.get()
                .uri("/api/no-such-thing")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        operator()
                .post()
                .uri("/api/console/export-lists")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue("<list/>")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/api/console/positive-list")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists("WWW-Authenticate")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/console/orders")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", "/console/login");
    }

    @Test
    void aMultipartBodyWithoutItsBoundaryIsMalformed() {
        long lists = count("select count(*) from export_list");
        operator()
                .post()
                .uri("/api/console/export-lists")
                .header("Content-Type", "multipart/form-data")
                .bodyValue("abc")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("select count(*) from export_list")).isEqualTo(lists);
    }

    @Test
    void positiveListCsvWithAControlCharacterAnOpenQuoteATariffLineTwiceOrNotInUtf8IsRefused() {
        String header = "seq,tariffLine,description,remark\n";
        List<byte[]> files = List.of(
                utf8(header + "1,30049090,布洛芬\u0000片,\n"),
                utf8(header + "1,30049090,\"布洛芬, 片,\n"),
                utf8(header + "1,30049090,布洛芬片,\n2,30049090,对乙酰氨基酚片,\n"),
                (header + "1,30049090,caf\u00e9,\n").getBytes(StandardCharsets.ISO_8859_1));
        List<String> codes = List.of("CSV_ROW", "CSV_ROW", "CSV_ROW", "ENCODING");
        long editions = count("select count(*) from positive_list_edition");

        for (int i = 0; i < files.size(); i++) {
            operator()
                    .post()
                    .uri(
                            "/api/console/positive-list/editions?edition=CM{i}&effectiveFrom={from}",
                            i,
                            LocalDate.now(clock))
                    .contentType(MediaType.parseMediaType("text/csv"))
                    .bodyValue(files.get(i))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.violations[0].code")
                    .isEqualTo(codes.get(i));
        }
        assertThat(count("select count(*) from positive_list_edition")).isEqualTo(editions);
    }

    @Test
    void exportListCsvWithAControlCharacterIsRefused() {
        long lists = count("select count(*) from export_list");
        String csv = String.join(",", cn.cbecpilot.platform.exportreturn.domain.ExportListCsv.COLUMNS) + "\n"
                + "CMNUL1,9610,0114,0114,1101980001,1101980002,1101980003,116,2026-11-01,2026-11-03,false,1,"
                + "3004909099,布洛\u0000芬,,5,142,,,\n";

        operator()
                .post()
                .uri("/api/console/export-lists")
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(utf8(csv))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("CSV_ROW");
        assertThat(count("select count(*) from export_list")).isEqualTo(lists);
    }

    /** BCrypt reads at most 72 bytes: 26 Chinese characters are 26 characters but 78 bytes. */
    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        String name = "long" + nextBuyer();
        String password = "密".repeat(26);
        operator()
                .post()
                .uri("/api/console/operators")
                .bodyValue(Map.of("username", name, "password", password, "roles", List.of("OPERATOR")))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("password");
        assertThat(count("select count(*) from operator where username = '" + name + "'"))
                .isZero();
        operator()
                .method(HttpMethod.PUT)
                .uri("/api/console/operators/operator")
                .bodyValue(Map.of("password", password))
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    @Test
    void aNewProductAnswersItsPriceAsTheContractsDecimalStringAndRatesHaveAtMostFourDecimals() {
        String sku = "CM-" + nextBuyer();
        Map<String, Object> product = Map.of(
                "sku", sku,
                "name", "维生素C片",
                "gcode", "3004909099",
                "category", "DRUG",
                "price", "12.50",
                "unit", "142",
                "originCountry", "502",
                "registrationCertificate", "H20990003");
        WebTestClient compliance = operator();

        compliance
                .post()
                .uri("/api/console/products")
                .bodyValue(with(product, "sku", sku + "X", "vatRate", "0.13000000000000000001"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        compliance
                .post()
                .uri("/api/console/products")
                .bodyValue(product)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.price")
                .isEqualTo("12.50");
    }

    @Test
    void aConsoleSearchForANulIsMalformedNotAFailure() {
        operator()
                .get()
                .uri(b -> b.path("/console/orders").queryParam("orderNo", "{v}").build("\u0000"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        operator()
                .get()
                .uri(b ->
                        b.path("/api/console/audit").queryParam("limit", "{v}").build("1\u0000"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * A form field holding what XML cannot (no browser's form sends one) is malformed, as a query parameter is: a
     * recall whose reason holds a NUL would otherwise reach PostgreSQL, which refuses it outright.
     */
    @Test
    void aFormFieldHoldingANulIsMalformedNotAFailure() {
        String sku = new ReferenceData(operator()).drugInStock("氯雷他定片", "29.00", 2);
        String batchNo = texts("select batch_no from lot where sku = $1", sku).get(0);
        PageForms page = PageForms.open(operator(), "/console/recalls");
        for (String reason : List.of("质量\u0000问题", "质量\uffff问题")) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("sku", sku);
            form.add("batchNos", batchNo);
            form.add("reason", reason);

            EntityExchangeResult<String> answer = page.postForm("/console/recalls", form);

            assertThat(answer.getStatus().value()).as(reason).isEqualTo(400);
        }
        assertThat(count("select count(*) from recall where sku = '" + sku + "'"))
                .isZero();
    }

    /**
     * A form larger than the platform reads into memory (1 MB: a lot's codes typed by the tens of thousands, say) is
     * too large, on the page as on the API, not a failure; nothing is written.
     */
    @Test
    void aFormLargerThanThePlatformReadsIsTooLargeNotAFailure() {
        String sku = new ReferenceData(operator()).drugInStock("氯雷他定片", "29.00", 0);
        PageForms page = PageForms.open(operator(), "/console/lots/new");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("sku", sku);
        form.add("batchNo", "BIG1");
        form.add("expiry", "2030-01-31");
        form.add("quantity", "60000");
        form.add("codes", String.join("\n", java.util.Collections.nCopies(60_000, "87000010000000014321")));

        EntityExchangeResult<String> answer = page.postForm("/console/lots", form);

        assertThat(answer.getStatus().value()).isEqualTo(413);
        operator()
                .post()
                .uri("/api/console/lots")
                .bodyValue(Map.of(
                        "sku",
                        sku,
                        "batchNo",
                        "BIG2",
                        "expiry",
                        "2030-01-31",
                        "quantity",
                        60000,
                        "codes",
                        java.util.Collections.nCopies(60_000, "87000010000000014321")))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("select count(*) from lot where sku = '" + sku + "'")).isZero();
    }

    /** The API words Bean Validation's standard messages in English on a machine whose language is Chinese. */
    @Test
    void fieldMessagesAreEnglishWhateverTheMachinesLanguage() {
        Locale machine = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            http.post()
                    .uri("/api/orders")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .bodyValue(Map.of("lines", List.of(Map.of("sku", "DRG-LOR-10", "quantity", 1))))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.violations[?(@.field == 'buyer')].message")
                    .isEqualTo(List.of("buyer must not be null"));
        } finally {
            Locale.setDefault(machine);
        }
    }

    /** The published contract names what a client sends, not what the platform knows of the signed-in operator. */
    @Test
    void theOpenApiDescriptionAsksForNoPrincipal() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/console/recalls'].post")
                .exists()
                .jsonPath("$.paths..parameters[?(@.name == 'principal')]")
                .isEmpty();
    }

    @Test
    void aDateOutsideTheCalendarsOfUseIsMalformed() {
        long lots = count("select count(*) from lot");
        for (String expiry : List.of("-0005-01-01", "+99999-01-01", "1899-12-31")) {
            operator()
                    .post()
                    .uri("/api/console/lots")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"sku\":\"DRG-LOR-10\",\"batchNo\":\"CMDATE\",\"expiry\":\"" + expiry
                            + "\",\"quantity\":1}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        assertThat(count("select count(*) from lot")).isEqualTo(lots);
    }

    /** An order's JSON body exactly as given, under the key. */
    private WebTestClient.ResponseSpec postOrder(String key, String body) {
        return http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private String orderJson(String field, String escapedValue) throws JsonProcessingException {
        Map<String, Object> body =
                anOrderRequest().line("DRG-LOR-10", 1).buyer(nextBuyer()).body();
        @SuppressWarnings("unchecked")
        Map<String, Object> part = (Map<String, Object>) body.get(field.substring(0, field.indexOf('.')));
        part.put(field.substring(field.indexOf('.') + 1), "@@VALUE@@");
        return JSON.writeValueAsString(body).replace("@@VALUE@@", escapedValue);
    }

    private static Map<String, Object> with(Map<String, Object> map, String k1, Object v1, String k2, Object v2) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(map);
        copy.put(k1, v1);
        copy.put(k2, v2);
        return copy;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One request over a plain socket, the header line's value sent as UTF-8 bytes; answers the whole response. The
     * request goes in one write, so that the server, which may answer before reading the body, has read all of it.
     */
    private String raw(String requestLine, String header, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((requestLine + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n" + header + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            request.writeBytes(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
