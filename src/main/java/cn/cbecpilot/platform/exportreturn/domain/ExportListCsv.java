package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.shared.PlainText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Export lists from CSV, one row per list line, the list's head repeated on each of its rows. The first row names the
 * columns, in this order:
 *
 * <pre>
 * exportListNo,tradeMode,customsCode,portCode,ebpCode,ebcCode,logisticsCode,country,declaredOn,releasedOn,
 * rebateClaimed,gnum,gcode,name,model,quantity,unit,codes,legalQuantity,legalUnit
 * </pre>
 *
 * Dates are ISO ({@code 2026-01-10}); {@code releasedOn} may be empty (not released); {@code rebateClaimed} is
 * {@code true} or {@code false}; {@code codes} holds the line's traceability codes separated by {@code |}, or nothing;
 * {@code legalQuantity} and {@code legalUnit} (the list's {@code qty1} and {@code unit1}) may be empty when they are the
 * declared quantity and unit.
 * Fields hold no commas or quotes (none of these values needs them).
 */
public final class ExportListCsv {

    public static final List<String> COLUMNS = List.of(
            "exportListNo",
            "tradeMode",
            "customsCode",
            "portCode",
            "ebpCode",
            "ebcCode",
            "logisticsCode",
            "country",
            "declaredOn",
            "releasedOn",
            "rebateClaimed",
            "gnum",
            "gcode",
            "name",
            "model",
            "quantity",
            "unit",
            "codes",
            "legalQuantity",
            "legalUnit");

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z()]{1,64}");
    private static final int MAX_ROWS = 5000;

    private ExportListCsv() {}

    /** The lists in the text, or every malformed field of it as an {@link InvalidInput}. */
    public static List<ImportedList> parse(String text) {
        String[] rows = text.strip().split("\\r?\\n");
        List<FieldProblem> problems = new ArrayList<>();
        if (!Arrays.asList(rows[0].strip().split(",", -1)).equals(COLUMNS)) {
            throw InvalidInput.of("CSV_HEADER", "row 1", "the first row must be: " + String.join(",", COLUMNS));
        }
        if (rows.length < 2 || rows.length > MAX_ROWS + 1) {
            throw InvalidInput.of("CSV_ROWS", "rows", "between 1 and " + MAX_ROWS + " data rows, please");
        }
        Map<String, List<String[]>> byList = new LinkedHashMap<>();
        for (int r = 1; r < rows.length; r++) {
            if (PlainText.refused(rows[r])) {
                problems.add(new FieldProblem("CSV_ROW", "row " + (r + 1), PlainText.REASON));
                continue;
            }
            String[] f = rows[r].split(",", -1);
            if (f.length != COLUMNS.size()) {
                problems.add(new FieldProblem("CSV_ROW", "row " + (r + 1), COLUMNS.size() + " fields expected"));
                continue;
            }
            byList.computeIfAbsent(f[0].strip(), k -> new ArrayList<>()).add(f);
        }
        List<ImportedList> lists = new ArrayList<>();
        byList.forEach((no, listRows) -> {
            try {
                lists.add(list(listRows));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new FieldProblem("CSV_ROW", "list " + no, e.getMessage()));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return lists;
    }

    private static ImportedList list(List<String[]> rows) {
        String[] h = rows.get(0);
        for (String[] r : rows) {
            for (int c = 0; c <= 10; c++) {
                if (!r[c].strip().equals(h[c].strip())) {
                    throw new IllegalArgumentException("column " + COLUMNS.get(c) + " differs between its rows");
                }
            }
        }
        List<ImportedList.Line> lines = rows.stream().map(ExportListCsv::line).toList();
        return new ImportedList(
                text(h[0], "exportListNo", "[0-9A-Za-z_-]{1,20}", "1 to 20 letters, digits, _ or -"),
                text(h[1], "tradeMode", "\\d{4}", "4 digits"),
                text(h[2], "customsCode", "\\d{4}", "4 digits"),
                text(h[3], "portCode", "\\d{4}", "4 digits"),
                text(h[4], "ebpCode", "[0-9A-Za-z]{1,18}", "1 to 18 letters or digits"),
                text(h[5], "ebcCode", "[0-9A-Za-z]{1,18}", "1 to 18 letters or digits"),
                text(h[6], "logisticsCode", "[0-9A-Za-z]{1,18}", "1 to 18 letters or digits"),
                text(h[7], "country", "\\d{3}", "3 digits"),
                LocalDate.parse(h[8].strip()),
                h[9].isBlank() ? null : LocalDate.parse(h[9].strip()),
                bool(h[10]),
                lines);
    }

    private static ImportedList.Line line(String[] f) {
        List<String> codes = f[17].isBlank()
                ? List.of()
                : Arrays.stream(f[17].split("\\|")).map(String::strip).toList();
        for (String code : codes) {
            text(code, "codes", CODE.pattern(), "1 to 64 letters, digits or brackets");
        }
        return new ImportedList.Line(
                Integer.parseInt(text(f[11], "gnum", "\\d{1,4}", "1 to 4 digits")),
                text(f[12], "gcode", "\\d{10}", "10 digits"),
                text(f[13], "name", ".{1,250}", "1 to 250 characters"),
                f[14].strip(),
                Integer.parseInt(text(f[15], "quantity", "[1-9]\\d{0,6}", "a whole number from 1 to 9999999")),
                text(f[16], "unit", "\\d{3}", "3 digits"),
                codes,
                f[18].isBlank()
                        ? null
                        : new BigDecimal(text(
                                f[18],
                                "legalQuantity",
                                "\\d{1,14}(\\.\\d{1,5})?",
                                "a number with at most 14 digits before the point and 5 after")),
                f[19].isBlank() ? null : text(f[19], "legalUnit", "\\d{3}", "3 digits"));
    }

    private static String text(String value, String column, String pattern, String expected) {
        String v = value.strip();
        if (!v.matches(pattern)) {
            throw new IllegalArgumentException(column + " '" + v + "' is not " + expected);
        }
        return v;
    }

    private static boolean bool(String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("rebateClaimed must be true or false");
        };
    }
}
