package cn.cbecpilot.platform.support;

import cn.cbecpilot.platform.trace.Gtin;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Products that carry traceability identifiers (a GTIN, a drug identification code), created through the operator
 * API with identifiers and serials no other test uses, and lots of them entering bond.
 */
public final class TracedProducts {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final WebTestClient operator;

    public TracedProducts(WebTestClient operator) {
        this.operator = operator;
    }

    /** A listed medical device (tariff line 90189099) with a fresh GTIN. */
    public Traced device(String name, String price) {
        String gtin = gtin();
        return create(name, "9018909990", "DEVICE", price, "国械注进20990000001", Map.of("gtin", gtin), gtin);
    }

    /** A listed drug (ibuprofen, so that the positive list's name limit lets it be ordered) with a drug id code. */
    public Traced drug(String name, String price) {
        String drugId = "87" + String.format("%05d", SEQUENCE.incrementAndGet() % 100_000);
        return create(name, "3004909099", "DRUG", price, "H20990002", Map.of("drugIdCode", drugId), drugId);
    }

    /** A serial no other test scans. */
    public static String serial() {
        return String.format("%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L);
    }

    public static String gtin() {
        String body = "069" + String.format("%010d", SEQUENCE.incrementAndGet() % 10_000_000_000L);
        String digits = body + "0";
        return body + Gtin.checkDigit(digits);
    }

    /** The GS1 code of a unit of the device, in the parenthesised form. */
    public static String gs1(String gtin, LocalDate expiry, String batchNo, String serial) {
        return "(01)" + gtin + "(17)" + expiry.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "(10)"
                + batchNo + "(21)" + serial;
    }

    /** The NMPA 20-digit code of a unit of the drug. */
    public static String nmpa(String drugId, String serial) {
        return drugId + serial + "4321";
    }

    public WebTestClient.ResponseSpec enterLot(
            String sku, String batchNo, LocalDate expiry, int quantity, List<String> codes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("batchNo", batchNo);
        body.put("expiry", expiry.toString());
        body.put("quantity", quantity);
        if (codes != null) {
            body.put("codes", codes);
        }
        return operator.post().uri("/api/console/lots").bodyValue(body).exchange();
    }

    /** Enters a lot and answers the codes registered for it. */
    public List<String> lotInBond(String sku, String batchNo, LocalDate expiry, int quantity, List<String> codes) {
        Map<String, Object> entered = enterLot(sku, batchNo, expiry, quantity, codes)
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<String> registered = (List<String>) entered.get("codes");
        return registered;
    }

    private Traced create(
            String name,
            String gcode,
            String category,
            String price,
            String certificate,
            Map<String, String> key,
            String productKey) {
        String sku = "TR-" + SEQUENCE.incrementAndGet();
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", sku);
        product.put("name", name);
        product.put("gcode", gcode);
        product.put("category", category);
        product.put("price", price);
        product.put("unit", "007");
        product.put("originCountry", "116");
        product.put("registrationCertificate", certificate);
        product.putAll(key);
        operator.post()
                .uri("/api/console/products")
                .bodyValue(product)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED);
        return new Traced(sku, productKey);
    }

    /** @param productKey the product's GTIN or drug identification code */
    public record Traced(String sku, String productKey) {}
}
