package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.compliance.ResidentId;
import cn.cbecpilot.platform.compliance.Violation;
import java.time.LocalDate;
import java.util.List;

/**
 * Puts each violation of a refused order where the buyer can act on it: IDENTITY next to the buyer field at fault,
 * line rules (STOCK, QUANTITY, POSITIVE_LIST...) next to their cart line, limits and the rest above the form.
 */
final class RefusalPlaces {

    private RefusalPlaces() {}

    static FormProblems of(List<Violation> violations, CheckoutForm form, LocalDate today) {
        FormProblems problems = new FormProblems();
        for (Violation v : violations) {
            switch (v.code()) {
                case IDENTITY -> identity(problems, v, form, today);
                case SINGLE_LIMIT, ANNUAL_LIMIT, DUAL_QUALIFICATION, AMOUNTS, PAYER_MATCH -> top(problems, v);
                default -> {
                    if (v.line() == null) {
                        top(problems, v);
                    } else {
                        problems.add(
                                "line." + v.line(),
                                problem(v, "violation." + v.code().name(), v.line()));
                    }
                }
            }
        }
        return problems;
    }

    private static void top(FormProblems problems, Violation v) {
        problems.add(FormProblems.TOP, problem(v, "violation." + v.code().name()));
    }

    /** IDENTITY covers three fields; the form's own values tell which one this violation is about. */
    private static void identity(FormProblems problems, Violation v, CheckoutForm form, LocalDate today) {
        String name = CheckoutForm.strip(form.buyerName());
        String phone = CheckoutForm.strip(form.buyerPhone());
        String id = CheckoutForm.strip(form.buyerIdNumber()).toUpperCase(java.util.Locale.ROOT);
        if (!problems.has("buyerName")
                && (name.isEmpty() || name.length() > 60 || name.chars().anyMatch(Character::isDigit))) {
            problems.add("buyerName", problem(v, name.isEmpty() ? "form.required" : "violation.IDENTITY.name"));
        } else if (!problems.has("buyerPhone") && !phone.matches(CheckoutForm.MOBILE)) {
            problems.add("buyerPhone", problem(v, phone.isEmpty() ? "form.required" : "form.mobile"));
        } else if (!problems.has("buyerIdNumber")
                && ResidentId.problem(id, today).isPresent()) {
            problems.add("buyerIdNumber", problem(v, idKey(id)));
        } else {
            problems.add("buyerIdNumber", problem(v, "violation.IDENTITY"));
        }
    }

    private static String idKey(String id) {
        if (id.isEmpty()) {
            return "form.required";
        }
        return id.matches("\\d{17}[\\dX]")
                ? "violation.IDENTITY.idNumber.invalid"
                : "violation.IDENTITY.idNumber.format";
    }

    private static FormProblems.Problem problem(Violation v, String key, Object... args) {
        return new FormProblems.Problem(key, List.of(args), v.code().name(), v.message());
    }
}
