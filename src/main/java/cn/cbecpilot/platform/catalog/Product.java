package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A product held in bond. Tax rates are fractions (0.13 for 13 %); caps are null when the product has none.
 *
 * @param gcode the 10-digit customs commodity code; its first 8 digits are the tariff line
 */
public record Product(
        String sku,
        String name,
        String gcode,
        Category category,
        Money price,
        String unit,
        String originCountry,
        String registrationCertificate,
        String gtin,
        String drugIdCode,
        BigDecimal vatRate,
        BigDecimal consumptionTaxRate,
        BigDecimal dutyRate,
        Integer maxPerOrder,
        Integer maxPerYear,
        String sellerCode) {

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(gcode, "gcode");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(price, "price");
        vatRate = vatRate == null ? new BigDecimal("0.13") : vatRate;
        consumptionTaxRate = consumptionTaxRate == null ? BigDecimal.ZERO : consumptionTaxRate;
        dutyRate = dutyRate == null ? BigDecimal.ZERO : dutyRate;
    }

    public String tariffLine() {
        return gcode.length() >= 8 ? gcode.substring(0, 8) : gcode;
    }

    public boolean hasRegistrationCertificate() {
        return registrationCertificate != null && !registrationCertificate.isBlank();
    }
}
