package cn.cbecpilot.platform.trace;

import java.util.Set;

/**
 * Reads a traceability code in any form a scanner or a person gives it: the NMPA 20-digit code (optionally behind a
 * Code 128 symbology identifier {@code ]C0}), or a GS1 code in the parenthesised form {@code (01)…(17)…(10)…(21)…}, as
 * a raw element string with FNC1 (ASCII 29, GS) after variable-length fields, or behind a GS1 symbology identifier
 * ({@code ]d2} DataMatrix, {@code ]C1} GS1-128, {@code ]Q3} QR). Never throws for bad input: every refusal says why.
 */
public final class TraceCodeParser {

    static final char GS = '\u001d';
    private static final int MAX_LENGTH = 200;
    private static final Set<String> GS1_SYMBOLOGIES = Set.of("]d2", "]C1", "]Q3", "]e0");
    private static final Set<String> PLAIN_SYMBOLOGIES = Set.of("]C0", "]d1", "]Q1");

    private TraceCodeParser() {}

    /** Reads one code. */
    public static Result parse(String input) {
        String text = input == null ? "" : trimBlanks(input);
        if (text.isEmpty()) {
            return refused(TraceCodeProblem.EMPTY, "no traceability code was given");
        }
        if (text.length() > MAX_LENGTH) {
            return refused(
                    TraceCodeProblem.WRONG_LENGTH,
                    "the code has " + text.length() + " characters, more than any traceability code");
        }
        boolean gs1Symbology = false;
        String body = text;
        if (text.startsWith("]")) {
            String symbology = text.substring(0, Math.min(3, text.length()));
            if (GS1_SYMBOLOGIES.contains(symbology)) {
                gs1Symbology = true;
            } else if (!PLAIN_SYMBOLOGIES.contains(symbology)) {
                return refused(
                        TraceCodeProblem.UNKNOWN_FORMAT,
                        "'" + symbology + "' is not a symbology identifier of a traceability code");
            }
            body = text.substring(symbology.length());
            if (body.isEmpty()) {
                return refused(TraceCodeProblem.EMPTY, "only a symbology identifier was given, no code");
            }
        }
        if (body.startsWith("(")) {
            return Gs1ElementString.parenthesised(body, text);
        }
        if (gs1Symbology || body.indexOf(GS) >= 0 || body.startsWith("01")) {
            return Gs1ElementString.raw(body, text);
        }
        return nmpa(body, text);
    }

    /**
     * An NMPA code: 7-digit drug identification code, 9-digit serial, 4 check digits. The check algorithm is the
     * issuer's and not public, so the check digits are kept as read rather than verified.
     */
    private static Result nmpa(String body, String raw) {
        String digits = body.replace(" ", "");
        if (!digits.chars().allMatch(Character::isLetterOrDigit)) {
            return refused(
                    TraceCodeProblem.UNKNOWN_FORMAT,
                    "neither a 20-digit NMPA drug traceability code nor a GS1 code: it has symbols");
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return refused(
                    TraceCodeProblem.NOT_NUMERIC, "an NMPA drug traceability code is 20 digits; this one has letters");
        }
        if (digits.length() != 20) {
            return refused(
                    TraceCodeProblem.WRONG_LENGTH,
                    "an NMPA drug traceability code has 20 digits, this one " + digits.length());
        }
        if (digits.charAt(0) != '8') {
            return refused(TraceCodeProblem.WRONG_PREFIX, "an NMPA drug traceability code starts with 8");
        }
        return new Accepted(
                new TraceCode(TraceScheme.NMPA20, digits.substring(0, 7), digits.substring(7, 16), null, null, raw));
    }

    /** The 20 digits of an NMPA code as read, without symbology identifier or blanks. */
    static String nmpaDigits(String raw) {
        String body = raw.startsWith("]") && raw.length() > 3 ? raw.substring(3) : raw;
        return body.replace(" ", "");
    }

    /** Blanks a scanner or a copy-paste adds around a code; not GS, which Java counts as whitespace. */
    private static String trimBlanks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00a0';
    }

    static Result refused(TraceCodeProblem problem, String reason) {
        return new Refused(problem, reason);
    }

    /** A code read, or refused with the reason. */
    public sealed interface Result permits Accepted, Refused {

        /** The code, or {@link MalformedTraceCode} with the reason it was refused. */
        TraceCode orElseThrow();
    }

    public record Accepted(TraceCode code) implements Result {

        @Override
        public TraceCode orElseThrow() {
            return code;
        }
    }

    /** @param reason a sentence saying what is wrong, for the person who scanned or typed the code */
    public record Refused(TraceCodeProblem problem, String reason) implements Result {

        @Override
        public TraceCode orElseThrow() {
            throw new MalformedTraceCode(problem, reason);
        }
    }
}
