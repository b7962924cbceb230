package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An export list as an operator imports it, from JSON or CSV. {@link #problems} names everything that keeps it from
 * being recorded: only lists of the four CBEC export modes, with consistent dates and one code per unit at most.
 */
public record ImportedList(
        String exportListNo,
        String tradeMode,
        String customsCode,
        String portCode,
        String ebpCode,
        String ebcCode,
        String logisticsCode,
        String country,
        LocalDate declaredOn,
        LocalDate releasedOn,
        boolean rebateClaimed,
        List<Line> lines) {

    public static final Set<String> TRADE_MODES = Set.of("9610", "1210", "9710", "9810");

    public ImportedList {
        lines = List.copyOf(lines);
    }

    /**
     * One line of the list.
     *
     * @param legalQuantity the quantity in the legal first unit ({@code qty1}), or null when it is the declared one
     * @param legalUnit the legal first unit ({@code unit1}), or null when it is the declared one
     */
    public record Line(
            int gnum,
            String gcode,
            String name,
            String model,
            int quantity,
            String unit,
            List<String> codes,
            BigDecimal legalQuantity,
            String legalUnit) {

        public Line {
            model = model == null ? "" : model;
            codes = codes == null ? List.of() : List.copyOf(codes);
        }

        public Line(int gnum, String gcode, String name, String model, int quantity, String unit, List<String> codes) {
            this(gnum, gcode, name, model, quantity, unit, codes, null, null);
        }
    }

    public List<FieldProblem> problems(LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!TRADE_MODES.contains(tradeMode)) {
            problems.add(problem("tradeMode", "trade mode must be one of 9610, 1210, 9710, 9810"));
        }
        if (declaredOn.isAfter(today)) {
            problems.add(problem("declaredOn", "the export declaration date is in the future"));
        }
        if (releasedOn != null && (releasedOn.isBefore(declaredOn) || releasedOn.isAfter(today))) {
            problems.add(problem("releasedOn", "the release date must lie between the declaration date and today"));
        }
        Set<Integer> gnums = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String at = "lines[" + i + "]";
            if (!gnums.add(l.gnum())) {
                problems.add(problem(at + ".gnum", "gnum " + l.gnum() + " appears twice"));
            }
            if (l.codes().size() > l.quantity()) {
                problems.add(problem(at + ".codes", "more codes than units"));
            }
            for (String code : l.codes()) {
                if (!codes.add(code)) {
                    problems.add(problem(at + ".codes", "code " + code + " appears twice"));
                }
            }
        }
        return problems;
    }

    private static FieldProblem problem(String field, String message) {
        return new FieldProblem("INVALID_EXPORT_LIST", field, message);
    }
}
