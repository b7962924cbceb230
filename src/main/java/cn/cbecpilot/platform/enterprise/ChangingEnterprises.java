package cn.cbecpilot.platform.enterprise;

import cn.cbecpilot.platform.audit.AuditTrail;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.NotFound;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Changes to enterprises, each kept in the audit trail with the enterprise before and after: one registered or
 * replaced whole (the API), or one qualification recorded (the console's renewal form).
 */
@Service
public class ChangingEnterprises {

    /** The most qualifications one enterprise holds, as the API takes them. */
    public static final int MAX_QUALIFICATIONS = 20;

    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final TransactionalOperator tx;
    private final Clock clock;

    ChangingEnterprises(
            Enterprises enterprises, AuditTrail audit, ObjectMapper mapper, TransactionalOperator tx, Clock clock) {
        this.enterprises = enterprises;
        this.audit = audit;
        this.mapper = mapper;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a change did: the enterprise as saved, and whether it was new. */
    public record Saved(Enterprise enterprise, boolean created) {}

    Mono<Saved> register(Enterprise e, String operator) {
        return enterprises
                .find(e.code())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(before -> save(before, e, operator));
    }

    /**
     * Records a qualification of the enterprise. Under a number it already holds of the type, a period that meets or
     * overlaps the held one renews it: one qualification from the earlier start to the new end. Qualifications of the
     * type that have expired are superseded and go (the audit trail keeps them); any other is added. The enterprise's
     * row is locked meanwhile, so two records at once both land.
     */
    public Mono<Saved> record(String code, Qualification q, String operator) {
        LocalDate today = LocalDate.now(clock);
        return enterprises
                .lock(code)
                .then(enterprises.find(code))
                .switchIfEmpty(Mono.error(() -> new NotFound("no enterprise " + code)))
                .flatMap(before -> {
                    List<Qualification> kept = new ArrayList<>();
                    Qualification recorded = q;
                    for (Qualification held : before.qualifications()) {
                        if (held.type() != q.type()) {
                            kept.add(held);
                        } else if (renews(q, held)) {
                            recorded = new Qualification(
                                    q.type(),
                                    q.number(),
                                    held.validFrom().isBefore(recorded.validFrom())
                                            ? held.validFrom()
                                            : recorded.validFrom(),
                                    q.validUntil());
                        } else if (!held.validUntil().isBefore(today)) {
                            kept.add(held);
                        }
                    }
                    kept.add(recorded);
                    if (kept.size() > MAX_QUALIFICATIONS) {
                        return Mono.error(InvalidInput.of(
                                "TOO_MANY_QUALIFICATIONS",
                                "number",
                                code + " holds " + MAX_QUALIFICATIONS + " qualifications already"));
                    }
                    Enterprise after =
                            new Enterprise(before.code(), before.name(), before.region(), before.roles(), kept);
                    return save(Optional.of(before), after, operator);
                })
                .as(tx::transactional);
    }

    /** The same number, and a period that meets or overlaps the held one. */
    static boolean renews(Qualification q, Qualification held) {
        return held.number().equals(q.number())
                && !q.validFrom().isAfter(held.validUntil().plusDays(1))
                && !q.validUntil().isBefore(held.validFrom().minusDays(1));
    }

    private Mono<Saved> save(Optional<Enterprise> before, Enterprise after, String operator) {
        return enterprises.save(after).flatMap(saved -> audit.changed(
                        operator,
                        "ENTERPRISE_CHANGED",
                        "enterprise/" + saved.code(),
                        before.map(this::json).orElse(null),
                        json(saved))
                .thenReturn(new Saved(saved, before.isEmpty())));
    }

    private String json(Enterprise enterprise) {
        try {
            return mapper.writeValueAsString(enterprise);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an enterprise always serialises", e);
        }
    }
}
