package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.shared.PlainText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a positive-list edition from CSV: a header line, then {@code seq,tariffLine,description,remark} per row, the
 * way the published tables are laid out. Quoted fields may hold commas; every bad row is reported, with its line,
 * and so is a tariff line listed twice.
 */
public final class PositiveListCsv {

    static final int MAX_ROWS = 5000;

    private PositiveListCsv() {}

    public static List<PositiveListLine> parse(String csv) {
        String[] rows = csv.replace("\uFEFF", "").split("\r?\n");
        List<PositiveListLine> lines = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> tariffLines = new HashSet<>();
        for (int i = 1; i < rows.length && problems.size() < 50; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            List<String> cells = cells(rows[i]);
            String problem = PlainText.refused(rows[i])
                    ? PlainText.REASON
                    : cells == null ? "a quoted field is not closed on its line" : problem(cells);
            if (problem == null && !tariffLines.add(cells.get(1).strip())) {
                problem = "tariff line " + cells.get(1).strip() + " is listed twice";
            }
            if (problem != null) {
                problems.add(new FieldProblem("CSV_ROW", "line " + (i + 1), problem));
            } else {
                lines.add(new PositiveListLine(
                        Integer.parseInt(cells.get(0).strip()),
                        cells.get(1).strip(),
                        cells.get(2).strip(),
                        cells.size() > 3 ? cells.get(3).strip() : ""));
            }
        }
        if (lines.size() > MAX_ROWS) {
            problems.add(new FieldProblem("CSV_ROW", "file", "an edition holds at most " + MAX_ROWS + " rows"));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("CSV_ROW", "file", "the file holds no rows under its header"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return lines;
    }

    private static String problem(List<String> cells) {
        if (cells.size() < 3 || cells.size() > 4) {
            return "expected 3 or 4 columns (seq, tariff line, description, remark), found " + cells.size();
        }
        if (!cells.get(0).strip().matches("\\d{1,5}")) {
            return "seq must be a number";
        }
        if (!cells.get(1).strip().matches("\\d{8}")) {
            return "tariff line must be 8 digits, found '" + cells.get(1).strip() + "'";
        }
        if (cells.get(2).isBlank() || cells.get(2).length() > 500) {
            return "description must be 1 to 500 characters";
        }
        return cells.size() > 3 && cells.get(3).length() > 1000 ? "remark must be at most 1000 characters" : null;
    }

    /** Splits one CSV row, honouring double-quoted fields and doubled quotes inside them; null if a quote is open. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return quoted ? null : cells;
    }
}
