package cn.cbecpilot.platform.trace;

import static cn.cbecpilot.platform.trace.TraceCodeParser.GS;
import static cn.cbecpilot.platform.trace.TraceCodeParser.refused;

import cn.cbecpilot.platform.trace.TraceCodeParser.Result;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GS1 application identifiers a sales unit's code carries: 01 GTIN-14, 21 serial, 17 expiry, 10 batch, and 11
 * production date (read and checked, not kept). Any other AI is refused rather than skipped, because in a raw element
 * string the length of an unknown AI's value cannot be known and the rest would be misread.
 */
final class Gs1ElementString {

    private static final Map<String, Integer> FIXED_LENGTH = Map.of("01", 14, "17", 6, "11", 6);
    private static final Map<String, String> NAMES =
            Map.of("01", "GTIN", "17", "expiry", "11", "production date", "10", "batch", "21", "serial");
    /** GS1 AI encodable character set 82, the one serials and batches are written in. */
    private static final String CSET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private final Map<String, String> values = new LinkedHashMap<>();
    private Result refusal;

    private Gs1ElementString() {}

    /** {@code (01)04987654321001(17)280131(10)B2026(21)000123}; GS characters and blanks between fields are ignored. */
    static Result parenthesised(String body, String raw) {
        Gs1ElementString code = new Gs1ElementString();
        String s = body.replace(String.valueOf(GS), "").replace(" ", "");
        int i = 0;
        while (i < s.length() && code.refusal == null) {
            int close = s.indexOf(')', i);
            if (s.charAt(i) != '(' || close < 0) {
                return refused(TraceCodeProblem.UNKNOWN_FORMAT, "an application identifier in '(' ')' was expected");
            }
            String ai = s.substring(i + 1, close);
            if (!ai.matches("\\d{2,4}")) {
                return refused(TraceCodeProblem.UNKNOWN_AI, "(" + ai + ") is not a GS1 application identifier");
            }
            int next = s.indexOf('(', close + 1);
            int end = next < 0 ? s.length() : next;
            code.add(ai, s.substring(close + 1, end));
            i = end;
        }
        return code.result(raw);
    }

    /** {@code 01049876543210011728013110B2026<GS>21000123}: fixed-length AIs run on, variable ones end at GS. */
    static Result raw(String body, String raw) {
        Gs1ElementString code = new Gs1ElementString();
        int i = 0;
        while (i < body.length() && code.refusal == null) {
            if (body.charAt(i) == GS) {
                i++;
                continue;
            }
            if (i + 2 > body.length()) {
                return refused(
                        TraceCodeProblem.UNKNOWN_FORMAT, "the code ends in the middle of an application identifier");
            }
            String ai = body.substring(i, i + 2);
            Integer fixed = FIXED_LENGTH.get(ai);
            if (fixed == null && !NAMES.containsKey(ai)) {
                String shown = body.substring(i, Math.min(body.length(), i + 4));
                return refused(
                        TraceCodeProblem.UNKNOWN_AI,
                        "unknown application identifier at position " + (i + 1) + " ('" + shown + "…'); "
                                + "the platform reads 01, 10, 11, 17 and 21");
            }
            int end = fixed != null ? Math.min(gsOrEnd(body, i + 2), i + 2 + fixed) : gsOrEnd(body, i + 2);
            code.add(ai, body.substring(i + 2, end));
            i = end;
        }
        return code.result(raw);
    }

    private static int gsOrEnd(String s, int from) {
        int gs = s.indexOf(GS, from);
        return gs < 0 ? s.length() : gs;
    }

    private void add(String ai, String value) {
        if (!NAMES.containsKey(ai)) {
            refusal = refused(
                    TraceCodeProblem.UNKNOWN_AI,
                    "(" + ai + ") is not an application identifier the platform reads (01, 10, 11, 17, 21)");
        } else if (values.containsKey(ai)) {
            refusal = refused(TraceCodeProblem.DUPLICATE_AI, "(" + ai + ") " + NAMES.get(ai) + " appears twice");
        } else if (value.isEmpty()) {
            refusal = refused(TraceCodeProblem.EMPTY_VALUE, "(" + ai + ") " + NAMES.get(ai) + " has no value");
        } else {
            refusal = FIXED_LENGTH.containsKey(ai) ? checkFixed(ai, value) : checkVariable(ai, value);
            values.put(ai, value);
        }
    }

    private static Result checkFixed(String ai, String value) {
        String name = "(" + ai + ") " + NAMES.get(ai);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return refused(TraceCodeProblem.NOT_NUMERIC, name + " must be digits, not '" + value + "'");
        }
        int length = FIXED_LENGTH.get(ai);
        if (value.length() != length) {
            return refused(
                    TraceCodeProblem.WRONG_LENGTH,
                    name + " has " + length + " digits, '" + value + "' has " + value.length());
        }
        if (ai.equals("01")) {
            int expected = Gtin.checkDigit(value);
            return expected == value.charAt(13) - '0'
                    ? null
                    : refused(
                            TraceCodeProblem.BAD_CHECK_DIGIT,
                            "GTIN " + value + " ends in check digit " + value.charAt(13)
                                    + ", the mod-10 check digit is " + expected);
        }
        return date(value) == null
                ? refused(TraceCodeProblem.BAD_DATE, name + " '" + value + "' is not a date in YYMMDD")
                : null;
    }

    private static Result checkVariable(String ai, String value) {
        String name = "(" + ai + ") " + NAMES.get(ai);
        if (value.length() > 20) {
            return refused(
                    TraceCodeProblem.WRONG_LENGTH, name + " has at most 20 characters, this one " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (CSET82.indexOf(value.charAt(i)) < 0) {
                return refused(
                        TraceCodeProblem.BAD_CHARACTER,
                        name + " contains '" + value.charAt(i) + "', which GS1 does not allow in it");
            }
        }
        return null;
    }

    /**
     * YYMMDD with day 00 meaning the month's last day. Years are read as 20YY: the GS1 sliding century window only
     * differs for years before 2000 or after 2049, which no unit in bond carries.
     */
    static LocalDate date(String yymmdd) {
        int year = 2000 + Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        try {
            YearMonth ym = YearMonth.of(year, month);
            return day == 0 ? ym.atEndOfMonth() : ym.atDay(day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Result result(String raw) {
        if (refusal != null) {
            return refusal;
        }
        if (!values.containsKey("01")) {
            return refused(TraceCodeProblem.MISSING_AI, "the GS1 code has no (01) GTIN");
        }
        if (!values.containsKey("21")) {
            return refused(
                    TraceCodeProblem.MISSING_AI, "the GS1 code has no (21) serial, so it does not tell the unit apart");
        }
        String expiry = values.get("17");
        return new TraceCodeParser.Accepted(new TraceCode(
                TraceScheme.GS1,
                values.get("01"),
                values.get("21"),
                values.get("10"),
                expiry == null ? null : date(expiry),
                raw));
    }
}
