package cn.cbecpilot.platform.trace;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A sales unit's traceability code, normalised from either scheme. A unit is identified by
 * {@code (scheme, productKey, serial)}; the other parts describe it.
 *
 * @param productKey the 7-digit drug identification code (NMPA20) or the GTIN-14 (GS1)
 * @param serial the unit's serial: digits 8 to 16 of an NMPA code, AI 21 of a GS1 code
 * @param batch AI 10 of a GS1 code; null for NMPA codes, which do not carry it
 * @param expiry AI 17 of a GS1 code (day 00 read as the month's last day); null for NMPA codes
 * @param raw the code as it was read, without surrounding blanks
 */
public record TraceCode(
        TraceScheme scheme, String productKey, String serial, String batch, LocalDate expiry, String raw) {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    public TraceCode {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(productKey, "productKey");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(raw, "raw");
    }

    /** What identifies the unit across schemes and forms; two readings of one label have the same key. */
    public String key() {
        return scheme + ":" + productKey + ":" + serial;
    }

    /**
     * Whether this reading is the very label a unit was registered with, {@code registeredRaw} as it was read then:
     * the same unit ({@link #key()}, which the lookup matched) and, for an NMPA code, the same 4 check digits. The
     * check algorithm is not public, so the check digits cannot be verified, but a code whose check digits differ from
     * the registered ones is a misread or a forgery, not that unit.
     */
    public boolean isLabel(String registeredRaw) {
        return scheme != TraceScheme.NMPA20
                || TraceCodeParser.nmpaDigits(raw).equals(TraceCodeParser.nmpaDigits(registeredRaw));
    }

    /**
     * The one printable form of the code: the 20 digits of an NMPA code, the parenthesised element string of a GS1
     * code with its AIs in label order (01, 17, 10, 21). Any accepted form of a code has the same canonical form.
     */
    public String canonical() {
        if (scheme == TraceScheme.NMPA20) {
            return TraceCodeParser.nmpaDigits(raw);
        }
        StringBuilder text = new StringBuilder("(01)").append(productKey);
        if (expiry != null) {
            text.append("(17)").append(YYMMDD.format(expiry));
        }
        if (batch != null) {
            text.append("(10)").append(batch);
        }
        return text.append("(21)").append(serial).toString();
    }
}
