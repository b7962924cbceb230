package cn.cbecpilot.platform.trace;

import cn.cbecpilot.platform.catalog.Category;
import cn.cbecpilot.platform.catalog.Product;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Codes for units the warehouse labels itself: NMPA 20-digit codes for drugs with a drug identification code, GS1
 * codes (GTIN, expiry, batch, serial) for goods with a valid GTIN. Serial numbers come from the caller, which keeps
 * them unique.
 */
public final class CodeIssuer {

    /** NMPA serials are 9 digits. */
    public static final long MAX_SERIAL = 999_999_999L;

    private CodeIssuer() {}

    /** The scheme this product's labels are issued in, if it has the identifier one needs. */
    public static Optional<TraceScheme> schemeFor(Product product) {
        boolean nmpa = product.drugIdCode() != null && product.drugIdCode().matches("8\\d{6}");
        boolean gs1 = Gtin.isValid(product.gtin());
        if (nmpa && (product.category() == Category.DRUG || !gs1)) {
            return Optional.of(TraceScheme.NMPA20);
        }
        return gs1 ? Optional.of(TraceScheme.GS1) : Optional.empty();
    }

    /** One code per serial number, in the product's scheme; empty when it has none. */
    public static List<TraceCode> issue(Product product, String batchNo, LocalDate expiry, List<Long> serials) {
        return schemeFor(product)
                .map(scheme -> serials.stream()
                        .map(n -> scheme == TraceScheme.NMPA20 ? nmpa(product, n) : gs1(product, batchNo, expiry, n))
                        .toList())
                .orElse(List.of());
    }

    /**
     * The issuer's check algorithm is not public; labels issued here carry the first 16 digits modulo 9973 as their
     * 4 check digits, which the parser (rightly) keeps as read rather than verifies.
     */
    private static TraceCode nmpa(Product product, long serial) {
        requireSerial(serial);
        String first16 = product.drugIdCode() + String.format("%09d", serial);
        String digits = first16 + String.format("%04d", Long.parseLong(first16) % 9973);
        return TraceCodeParser.parse(digits).orElseThrow();
    }

    private static TraceCode gs1(Product product, String batchNo, LocalDate expiry, long serial) {
        requireSerial(serial);
        // AI 17 holds two-digit years read as 20YY; a date outside that century is left off rather than misprinted.
        LocalDate printable = expiry.getYear() >= 2000 && expiry.getYear() <= 2099 ? expiry : null;
        TraceCode code = new TraceCode(
                TraceScheme.GS1, product.gtin(), String.format("%012d", serial), batchNo, printable, "(01)");
        return TraceCodeParser.parse(code.canonical()).orElseThrow();
    }

    private static void requireSerial(long serial) {
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial " + serial + " is outside 1.." + MAX_SERIAL);
        }
    }
}
