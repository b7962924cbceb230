package cn.cbecpilot.platform.trace;

import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the codes scanned on a lot's units before the lot enters bond: each is well formed, names the lot's product
 * (by GTIN or drug identification code), agrees with the lot's batch and expiry where it carries them, appears once,
 * and there is one per unit. Whether a code is registered already is the registry's question.
 */
public final class LotCodes {

    private LotCodes() {}

    /** The codes read, or every problem found; problems name the request field {@code codes[i]}. */
    public static Checked check(Product product, String batchNo, LocalDate expiry, int quantity, List<String> scanned) {
        List<FieldProblem> problems = new ArrayList<>();
        if (scanned.size() != quantity) {
            problems.add(new FieldProblem(
                    "COUNT_MISMATCH",
                    "codes",
                    scanned.size() + " codes for " + quantity + " units: every unit needs exactly one code"));
        }
        if (product.gtin() == null && product.drugIdCode() == null) {
            problems.add(new FieldProblem(
                    "NO_TRACE_KEY",
                    "codes",
                    product.sku() + " has neither a GTIN nor a drug identification code on record to check codes"
                            + " against"));
            return new Checked(List.of(), problems);
        }
        List<Scanned> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scanned.size(); i++) {
            String field = "codes[" + i + "]";
            TraceCodeParser.Result result = TraceCodeParser.parse(scanned.get(i));
            if (result instanceof TraceCodeParser.Refused refused) {
                problems.add(new FieldProblem(refused.problem().name(), field, refused.reason()));
                continue;
            }
            TraceCode code = result.orElseThrow();
            FieldProblem mismatch = mismatch(code, product, batchNo, expiry, field);
            if (mismatch != null) {
                problems.add(mismatch);
            } else if (!seen.add(code.key())) {
                problems.add(
                        new FieldProblem("DUPLICATE_CODE", field, code.canonical() + " was scanned twice in this lot"));
            } else {
                codes.add(new Scanned(i, code));
            }
        }
        return new Checked(codes, problems);
    }

    private static FieldProblem mismatch(
            TraceCode code, Product product, String batchNo, LocalDate expiry, String field) {
        String own = code.scheme() == TraceScheme.GS1 ? product.gtin() : product.drugIdCode();
        String what = code.scheme() == TraceScheme.GS1 ? "GTIN" : "drug identification code";
        if (!code.productKey().equals(own)) {
            return new FieldProblem(
                    "WRONG_PRODUCT",
                    field,
                    code.canonical() + " has " + what + " " + code.productKey() + ", "
                            + (own == null ? product.sku() + " has none on record" : product.sku() + " has " + own));
        }
        if (code.batch() != null && !code.batch().equals(batchNo)) {
            return new FieldProblem(
                    "BATCH_MISMATCH", field, code.canonical() + " is of batch " + code.batch() + ", not " + batchNo);
        }
        if (code.expiry() != null && !code.expiry().equals(expiry)) {
            return new FieldProblem(
                    "EXPIRY_MISMATCH", field, code.canonical() + " expires " + code.expiry() + ", the lot " + expiry);
        }
        return null;
    }

    /** @param passed the codes that passed, in scan order; complete only when {@code problems} is empty */
    public record Checked(List<Scanned> passed, List<FieldProblem> problems) {

        public Checked {
            passed = List.copyOf(passed);
            problems = List.copyOf(problems);
        }

        public List<TraceCode> codes() {
            return passed.stream().map(Scanned::code).toList();
        }
    }

    /** A code read, and its place in the request's {@code codes}. */
    public record Scanned(int index, TraceCode code) {}
}
