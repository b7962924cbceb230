package cn.cbecpilot.platform.trace;

import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Registers the codes of a lot entering bond: checks the scanned ones (form, product, batch, expiry, duplicates in
 * the request and in the registry, one per unit) or issues codes for units the warehouse labels itself.
 */
@Service
public class RegisteringCodes {

    /** Beyond this many, further problems of one request are counted, not listed. */
    static final int MAX_LISTED = 100;

    private final TraceCodes codes;
    private final Clock clock;

    RegisteringCodes(TraceCodes codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    /** The lot's labels if the scanned codes (null: none scanned) are acceptable; {@link InvalidInput} otherwise. */
    public Mono<LotLabels> check(
            Product product, String batchNo, LocalDate expiry, int quantity, List<String> scanned) {
        if (scanned == null) {
            return Mono.just(new LotLabels(product, batchNo, expiry, quantity, null));
        }
        LotCodes.Checked checked = LotCodes.check(product, batchNo, expiry, quantity, scanned);
        return codes.registered(checked.codes()).flatMap(registered -> {
            List<FieldProblem> problems = new ArrayList<>(checked.problems());
            problems.addAll(alreadyRegistered(checked.passed(), registered));
            return problems.isEmpty()
                    ? Mono.just(new LotLabels(product, batchNo, expiry, quantity, checked.codes()))
                    : Mono.error(refusal(problems));
        });
    }

    /**
     * Registers the labels of the lot (issuing codes when none were scanned) in the caller's transaction, and answers
     * the codes in canonical form.
     */
    public Mono<List<String>> register(long lotId, LotLabels labels) {
        Product p = labels.product();
        Mono<List<TraceCode>> toRegister = labels.issuedHere() ? issue(labels) : Mono.just(labels.scanned());
        return toRegister.flatMap(
                list -> codes.registerInBond(lotId, p.sku(), labels.batchNo(), labels.expiry(), list, clock.instant())
                        .thenReturn(list.stream().map(TraceCode::canonical).toList()));
    }

    private Mono<List<TraceCode>> issue(LotLabels labels) {
        if (CodeIssuer.schemeFor(labels.product()).isEmpty()) {
            return Mono.just(List.of());
        }
        return codes.nextSerials(labels.quantity())
                .map(serials -> CodeIssuer.issue(labels.product(), labels.batchNo(), labels.expiry(), serials));
    }

    private static List<FieldProblem> alreadyRegistered(List<LotCodes.Scanned> passed, Set<String> registered) {
        return passed.stream()
                .filter(s -> registered.contains(s.code().key()))
                .map(s -> new FieldProblem(
                        "CODE_REGISTERED",
                        "codes[" + s.index() + "]",
                        s.code().canonical() + " is registered to a unit already"))
                .toList();
    }

    /** All problems, up to {@link #MAX_LISTED} listed and the rest counted in a last entry. */
    static InvalidInput refusal(List<FieldProblem> problems) {
        if (problems.size() <= MAX_LISTED) {
            return new InvalidInput(problems);
        }
        List<FieldProblem> listed = new ArrayList<>(problems.subList(0, MAX_LISTED));
        listed.add(new FieldProblem(
                "MORE_PROBLEMS",
                "codes",
                (problems.size() - MAX_LISTED) + " more problems with the codes are not listed"));
        return new InvalidInput(listed);
    }
}
