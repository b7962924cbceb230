package cn.cbecpilot.platform.recall;

import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's form to open a recall by SKU and batch numbers, as typed, with its problems by field: the form's own
 * checks, or the campaign's refusals put next to the field they name.
 */
record RecallForm(String sku, String batchNos, String reason) {

    static RecallForm blank() {
        return new RecallForm("", "", "");
    }

    /** Batch numbers separated by commas, blanks or lines, as they are copied from a lot list. */
    List<String> batchList() {
        return batchNos == null
                ? List.of()
                : Arrays.stream(batchNos.split("[,，\\s]+"))
                        .filter(b -> !b.isEmpty())
                        .toList();
    }

    Map<String, List<String>> problems() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (strip(sku).isEmpty()) {
            add(problems, "sku", "form.required");
        }
        if (batchList().isEmpty()) {
            add(problems, "batchNos", "form.required");
        } else if (batchList().stream().anyMatch(b -> !b.matches("[A-Za-z0-9-]{1,20}"))) {
            add(problems, "batchNos", "recalls.badBatch");
        }
        if (strip(reason).isEmpty()) {
            add(problems, "reason", "form.required");
        } else if (strip(reason).length() > 200) {
            add(problems, "reason", "recalls.reasonTooLong");
        }
        return problems;
    }

    RecallApi.OpenRecall toRequest() {
        return new RecallApi.OpenRecall(strip(sku), batchList(), null, strip(reason));
    }

    /**
     * The campaign's refusals, by field, as the keys of the recall page's wording of each rule code in the page's
     * language ({@code violation.recall.<code>}).
     */
    static Map<String, List<String>> refusals(InvalidInput e) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (InvalidInput.FieldProblem p : e.problems()) {
            String field = p.field() == null ? "top" : p.field().startsWith("batchNos") ? "batchNos" : p.field();
            add(
                    problems,
                    List.of("sku", "batchNos", "reason").contains(field) ? field : "top",
                    "violation.recall." + p.code());
        }
        return problems;
    }

    private static void add(Map<String, List<String>> problems, String field, String message) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
