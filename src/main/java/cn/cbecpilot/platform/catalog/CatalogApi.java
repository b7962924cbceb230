package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.shared.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the catalogue's operator API. */
final class CatalogApi {

    private CatalogApi() {}

    record NewProduct(
            @NotBlank
                    @Pattern(
                            regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}",
                            message = "must be 1 to 32 letters, digits, . _ -, starting with a letter or digit")
                    String sku,
            @NotBlank @Size(max = 250) String name,
            @NotBlank @Pattern(regexp = "\\d{10}", message = "must be the 10-digit customs commodity code")
                    String gcode,
            @NotNull Category category,
            @NotNull @DecimalMin(value = "0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
                    BigDecimal price,
            @NotBlank @Pattern(regexp = "\\d{3}", message = "must be a 3-digit customs unit code") String unit,
            @NotBlank @Pattern(regexp = "\\d{3}", message = "must be a 3-digit customs country code")
                    String originCountry,
            @Size(max = 64) String registrationCertificate,
            @Pattern(regexp = "\\d{14}", message = "must be a 14-digit GTIN") String gtin,
            @Pattern(regexp = "\\d{7}", message = "must be the 7-digit drug identification code") String drugIdCode,
            @DecimalMin("0") @DecimalMax("0.99") @Digits(integer = 1, fraction = 4, message = "at most 4 decimals")
                    BigDecimal vatRate,
            @DecimalMin("0") @DecimalMax("0.99") @Digits(integer = 1, fraction = 4, message = "at most 4 decimals")
                    BigDecimal consumptionTaxRate,
            @DecimalMin("0") @DecimalMax("0.99") @Digits(integer = 1, fraction = 4, message = "at most 4 decimals")
                    BigDecimal dutyRate,
            @Min(1) @Max(9999) Integer maxPerOrder,
            @Min(1) @Max(99999) Integer maxPerYear,
            @Pattern(regexp = "[0-9A-Z]{10}|[0-9A-Z]{18}", message = "must be a 10- or 18-character enterprise code")
                    String sellerCode) {

        Product toProduct(String defaultSeller) {
            return new Product(
                    sku,
                    name.strip(),
                    gcode,
                    category,
                    Money.of(price),
                    unit,
                    originCountry,
                    blankToNull(registrationCertificate),
                    gtin,
                    drugIdCode,
                    vatRate,
                    consumptionTaxRate,
                    dutyRate,
                    maxPerOrder,
                    maxPerYear,
                    sellerCode == null ? defaultSeller : sellerCode);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    record EditionView(String edition, LocalDate effectiveFrom, List<Line> lines) {
        static EditionView of(PositiveListEdition e) {
            return new EditionView(
                    e.edition(),
                    e.effectiveFrom(),
                    e.lines().stream()
                            .map(l -> new Line(l.tariffLine(), l.description(), l.remark()))
                            .toList());
        }
    }

    record Line(String tariffLine, String description, String remark) {}

    record ImportAnswer(String edition, LocalDate effectiveFrom, int lines) {}
}
