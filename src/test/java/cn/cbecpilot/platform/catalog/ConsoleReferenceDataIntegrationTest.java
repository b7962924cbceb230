package cn.cbecpilot.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The operator's reference-data API: editions, products, enterprises, lots; and who may use it. */
class ConsoleReferenceDataIntegrationTest extends IntegrationTestBase {

    @Test
    void answersThePositiveListEditionInForce() {
        operator()
                .get()
                .uri("/api/console/positive-list")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.edition")
                .isNotEmpty()
                .jsonPath("$.lines[?(@.tariffLine == '30049090')].remark")
                .isNotEmpty();
    }

    @Test
    void importsAnEditionFromCsvInForceFromItsDate() {
        String csv = "序号,税则号列,商品描述,备注\n1,30049090,\"药品，零售包装\",仅限网购保税\n2,90189099,医疗器具,\n";
        String edition = "T" + nextBuyer();

        operator()
                .post()
                .uri("/api/console/positive-list/editions?edition={e}&effectiveFrom=2099-01-01", edition)
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.lines")
                .isEqualTo(2);

        operator()
                .get()
                .uri("/api/console/positive-list?on=2099-01-01")
                .exchange()
                .expectBody()
                .jsonPath("$.edition")
                .isEqualTo(edition)
                .jsonPath("$.lines[0].description")
                .isEqualTo("药品，零售包装");
        operator()
                .get()
                .uri("/api/console/positive-list")
                .exchange()
                .expectBody()
                .jsonPath("$.edition")
                .value(e -> assertThat(e).isNotEqualTo(edition));
    }

    @Test
    void refusesACsvWithBadRowsNamingEachRow() {
        String csv = "seq,tariff,description,remark\n1,3004909,短税号,\nx,30049090,药品,\n";
        operator()
                .post()
                .uri("/api/console/positive-list/editions?edition=BAD{n}&effectiveFrom=2099-02-01", nextBuyer())
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("line 2")
                .jsonPath("$.violations[1].field")
                .isEqualTo("line 3");
    }

    @Test
    void refusesAProductWithABadGcodeOrAnUnknownSeller() {
        Map<String, Object> product = Map.of(
                "sku",
                "BAD-" + nextBuyer(),
                "name",
                "x",
                "gcode",
                "30049",
                "category",
                "DRUG",
                "price",
                "10.00",
                "unit",
                "142",
                "originCountry",
                "502");
        operator()
                .post()
                .uri("/api/console/products")
                .bodyValue(product)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("gcode");

        Map<String, Object> unknownSeller = new java.util.HashMap<>(product);
        unknownSeller.put("gcode", "3004909099");
        unknownSeller.put("sellerCode", "9999999999");
        operator()
                .post()
                .uri("/api/console/products")
                .bodyValue(unknownSeller)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("UNKNOWN_SELLER");
    }

    @Test
    void refusesAProductWhoseGtinHasAWrongCheckDigitOrWhoseDrugIdLacksTheLeading8() {
        String sku = "GTIN-" + nextBuyer();
        Map<String, Object> product = new java.util.HashMap<>(Map.of(
                "sku",
                sku,
                "name",
                "电子血压计 G1",
                "gcode",
                "9018909990",
                "category",
                "DEVICE",
                "price",
                "399.00",
                "unit",
                "007",
                "originCountry",
                "116"));
        product.put("gtin", "04987654321002");
        product.put("drugIdCode", "7123456");
        operator()
                .post()
                .uri("/api/console/products")
                .bodyValue(product)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("BAD_CHECK_DIGIT")
                .jsonPath("$.violations[0].field")
                .isEqualTo("gtin")
                .jsonPath("$.violations[0].message")
                .value(m -> assertThat((String) m).contains("check digit 1"))
                .jsonPath("$.violations[1].code")
                .isEqualTo("WRONG_PREFIX")
                .jsonPath("$.violations[1].field")
                .isEqualTo("drugIdCode");
        assertThat(count("select count(*) from product where sku = '" + sku + "'"))
                .isZero();

        product.remove("drugIdCode");
        product.put("gtin", "04987654321001");
        operator()
                .post()
                .uri("/api/console/products")
                .bodyValue(product)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("DUPLICATE")
                .jsonPath("$.violations[0].field")
                .isEqualTo("gtin");

        product.put("gtin", cn.cbecpilot.platform.support.TracedProducts.gtin());
        operator()
                .post()
                .uri("/api/console/products")
                .bodyValue(product)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void refusesALotOfAnUnknownProductOrAlreadyExpired() {
        operator()
                .post()
                .uri("/api/console/lots")
                .bodyValue(Map.of("sku", "NOPE", "batchNo", "B1", "expiry", "2099-01-01", "quantity", 5))
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        operator()
                .post()
                .uri("/api/console/lots")
                .bodyValue(Map.of("sku", "DRG-IBU-200", "batchNo", "OLD1", "expiry", "2001-01-01", "quantity", 5))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code")
                .isEqualTo("EXPIRED");
    }

    @Test
    void keepsTheConsoleApiForOperators() {
        http.get().uri("/api/console/positive-list").exchange().expectStatus().isUnauthorized();
        http.mutate()
                .defaultHeaders(h -> h.setBasicAuth("operator", "wrong"))
                .build()
                .get()
                .uri("/api/console/positive-list")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void answersWithSecurityHeaders() {
        http.get()
                .uri("/api/products")
                .exchange()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .exists("Content-Security-Policy");
    }
}
