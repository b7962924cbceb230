package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.RequestedLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A batch selection on the export returns page, as typed: a quantity per export list line (field
 * {@code qty.<exportListNo>.<gnum>}, blank for lines not returned), the wished disposition and the reason.
 */
record ReturnSelection(Map<String, String> quantities, String disposition, String reason) {

    static final String PREFIX = "qty.";

    static ReturnSelection blank() {
        return new ReturnSelection(Map.of(), "", "");
    }

    static ReturnSelection of(MultiValueMap<String, String> form) {
        Map<String, String> quantities = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(PREFIX) && !values.isEmpty() && !values.get(0).isBlank()) {
                quantities.put(name.substring(PREFIX.length()), values.get(0).strip());
            }
        });
        return new ReturnSelection(quantities, strip(form.getFirst("disposition")), strip(form.getFirst("reason")));
    }

    /** What the page shows in a line's field: what was typed for it. */
    public String typed(String exportListNo, int gnum) {
        return quantities.getOrDefault(exportListNo + "." + gnum, "");
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (quantities.isEmpty()) {
            problems.add("exportReturns.nothingSelected");
        }
        quantities.forEach((line, quantity) -> {
            if (!quantity.matches("\\d{1,6}") || Integer.parseInt(quantity) < 1 || line.lastIndexOf('.') < 1) {
                problems.add(line + ": " + quantity);
            }
        });
        if (!disposition.isEmpty()
                && !List.of("RE_ENTER_DOMESTIC", "BONDED_STORAGE").contains(disposition)) {
            problems.add("exportReturns.badDisposition");
        }
        if (reason.length() > 500) {
            problems.add("recalls.reasonTooLong");
        }
        return problems;
    }

    ApplyingForReturns.Application toApplication() {
        List<RequestedLine> lines = quantities.entrySet().stream()
                .map(e -> {
                    int dot = e.getKey().lastIndexOf('.');
                    return new RequestedLine(
                            e.getKey().substring(0, dot),
                            Integer.parseInt(e.getKey().substring(dot + 1)),
                            null,
                            Integer.parseInt(e.getValue()),
                            List.of());
                })
                .toList();
        return new ApplyingForReturns.Application(
                lines,
                disposition.isEmpty() ? null : Disposition.valueOf(disposition),
                reason.isEmpty() ? null : reason,
                null);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
