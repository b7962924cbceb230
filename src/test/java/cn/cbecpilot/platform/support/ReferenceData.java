package cn.cbecpilot.platform.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Creates reference data through the operator API, as an operator would, with names no other test uses. */
public final class ReferenceData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final WebTestClient operator;

    public ReferenceData(WebTestClient operator) {
        this.operator = operator;
    }

    /** A drug under the listed tariff line 30049090 with {@code units} in one lot; answers its SKU. */
    public String drugInStock(String name, String price, int units) {
        return productInStock(name, "3004909099", "DRUG", price, "H20990001", units, null);
    }

    /**
     * A drug with a drug identification code, so that its lot is labelled with NMPA codes on entry (one per unit) and
     * its orders can be picked; answers its SKU.
     */
    public String codedDrugInStock(String name, String price, int units) {
        String drugIdCode = String.format("87%05d", (SEQUENCE.incrementAndGet() * 7919L + System.nanoTime()) % 100000);
        return productInStock(name, "3004909099", "DRUG", price, "H20990001", units, null, drugIdCode);
    }

    public String productInStock(
            String name,
            String gcode,
            String category,
            String price,
            String certificate,
            int units,
            Integer maxPerOrder) {
        return productInStock(name, gcode, category, price, certificate, units, maxPerOrder, null);
    }

    private String productInStock(
            String name,
            String gcode,
            String category,
            String price,
            String certificate,
            int units,
            Integer maxPerOrder,
            String drugIdCode) {
        String sku = "T-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", sku);
        product.put("name", name);
        product.put("gcode", gcode);
        product.put("category", category);
        product.put("price", price);
        product.put("unit", "142");
        product.put("originCountry", "502");
        if (certificate != null) {
            product.put("registrationCertificate", certificate);
        }
        if (maxPerOrder != null) {
            product.put("maxPerOrder", maxPerOrder);
        }
        if (drugIdCode != null) {
            product.put("drugIdCode", drugIdCode);
        }
        operator.post()
                .uri("/api/console/products")
                .bodyValue(product)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED);
        if (units > 0) {
            operator.post()
                    .uri("/api/console/lots")
                    .bodyValue(Map.of(
                            "sku",
                            sku,
                            "batchNo",
                            "L" + SEQUENCE.incrementAndGet(),
                            "expiry",
                            LocalDate.now().plusYears(2).toString(),
                            "quantity",
                            units))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CREATED);
        }
        return sku;
    }
}
