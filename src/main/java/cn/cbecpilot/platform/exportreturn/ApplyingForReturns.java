package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.customs.CustomsOutbox;
import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.ExportedLine;
import cn.cbecpilot.platform.exportreturn.domain.ExportedList;
import cn.cbecpilot.platform.exportreturn.domain.RequestedLine;
import cn.cbecpilot.platform.exportreturn.domain.ReturnApplication;
import cn.cbecpilot.platform.exportreturn.domain.ReturnEvent;
import cn.cbecpilot.platform.exportreturn.domain.ReturnRules;
import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import cn.cbecpilot.platform.exportreturn.domain.ReturnWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies for an export return and declares it at once (CEB213), or refuses it with every violation. The export lines
 * it names are locked, checked and taken in one transaction, so two applications cannot both take the last units.
 */
@Service
class ApplyingForReturns {

    static final String DEFAULT_REASON = "退货";
    private static final String SUBMISSION_KEY_INDEX = "export_return_by_submission_key";

    private final ExportLists lists;
    private final ExportReturns returns;
    private final ReturnTransitions transitions;
    private final ExportReturnLifecycle lifecycle;
    private final CustomsOutbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    ApplyingForReturns(
            ExportLists lists,
            ExportReturns returns,
            ReturnTransitions transitions,
            ExportReturnLifecycle lifecycle,
            CustomsOutbox outbox,
            TransactionalOperator tx,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.lists = lists;
        this.returns = returns;
        this.transitions = transitions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A validated application, as the API hands it over; {@code submissionKey} names the console form it came from,
     * null from the API.
     */
    record Application(
            List<RequestedLine> lines,
            Disposition disposition,
            String reason,
            ExportReturnApi.Transport transport,
            String submissionKey) {}

    Mono<ExportReturnRow> apply(Application application) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Set<String> listNos = new HashSet<>();
        Set<String> codes = new HashSet<>();
        application.lines().forEach(l -> {
            listNos.add(l.exportListNo());
            codes.addAll(l.codes());
        });
        // the codes, and a return the same form applied for, are read after the lock, so that a return committed
        // while this one waited is seen: the same form sent twice at once answers the return the first one created
        return lists.lockAndRead(listNos)
                .flatMap(locked -> submittedBefore(application).switchIfEmpty(Mono.defer(() -> returns.codesOnReturns(
                                codes)
                        .map(taken -> new ReturnApplication(today, application.lines(), locked, Set.copyOf(taken)))
                        .flatMap(checked -> {
                            List<Violation> violations = ReturnRules.check(checked);
                            if (!violations.isEmpty()) {
                                return Mono.error(refused(violations));
                            }
                            return create(application, checked, now);
                        }))))
                .as(tx::transactional)
                .onErrorResume(
                        e -> application.submissionKey() != null && keyTaken(e),
                        e -> returns.submittedWith(application.submissionKey()));
    }

    /**
     * The same form sent twice at once naming other export lists (the locks do not meet): the second insert finds the
     * key taken, its transaction is undone, and it answers the return the first one created.
     */
    private static boolean keyTaken(Throwable e) {
        return e instanceof DuplicateKeyException
                && String.valueOf(e.getMessage()).contains(SUBMISSION_KEY_INDEX);
    }

    private Mono<ExportReturnRow> submittedBefore(Application application) {
        return application.submissionKey() == null ? Mono.empty() : returns.submittedWith(application.submissionKey());
    }

    /**
     * Declares a return customs rejected again, corrected, as a change (appType 2) under a new guid. The rejection
     * gave its units back to the export lists, so they are checked and taken again under the application's rules
     * (window, original goods, quantity): the year may have run out, or another return taken the units, meanwhile.
     */
    Mono<ExportReturnRow> redeclare(String returnNo, ExportReturnApi.RedeclareRequest corrections) {
        LocalDate today = LocalDate.now(clock);
        return transitions
                .open(returnNo)
                .flatMap(row ->
                        lifecycle.next(row.status(), ReturnEvent.REDECLARE).thenReturn(row))
                .zipWhen(row -> returns.lines(returnNo))
                .flatMap(t -> check(today, held(t.getT2()))
                        .flatMap(checked -> take(checked)
                                .then(returns.correct(returnNo, corrections.reason(), corrections.transport()))
                                .then(transitions.fire(
                                        t.getT1(), ReturnEvent.REDECLARE, "CEB213 enqueued (appType 2)")))
                        .flatMap(declared -> outbox.enqueue(
                                        CustomsOutbox.SubjectKind.EXPORT_RETURN, returnNo, "CEB213", '2')
                                .thenReturn(declared)))
                .as(tx::transactional);
    }

    /** What the return holds: the tallied units once tallied, else the declared ones. */
    private static List<RequestedLine> held(List<ReturnLineRow> lines) {
        return lines.stream()
                .map(l -> new RequestedLine(
                        l.exportListNo(),
                        l.gnum(),
                        l.gcode(),
                        l.talliedQuantity() == null ? l.quantity() : l.talliedQuantity(),
                        l.codes()))
                .filter(l -> l.quantity() > 0)
                .toList();
    }

    private Mono<ReturnApplication> check(LocalDate today, List<RequestedLine> lines) {
        Set<String> listNos = new HashSet<>();
        Set<String> codes = new HashSet<>();
        lines.forEach(l -> {
            listNos.add(l.exportListNo());
            codes.addAll(l.codes());
        });
        return lists.lockAndRead(listNos)
                .flatMap(locked -> returns.codesOnReturns(codes)
                        .map(taken -> new ReturnApplication(today, lines, locked, Set.copyOf(taken))))
                .flatMap(checked -> {
                    List<Violation> violations = ReturnRules.check(checked);
                    return violations.isEmpty() ? Mono.just(checked) : Mono.error(refused(violations));
                });
    }

    private Mono<ExportReturnRow> create(Application application, ReturnApplication checked, Instant now) {
        return returns.nextNumber()
                .map(n -> "ER" + DateTimeFormatter.BASIC_ISO_DATE.format(checked.appliedOn())
                        + String.format("%06d", n % 1_000_000))
                .flatMap(returnNo -> take(checked)
                        .then(returns.insert(newReturn(returnNo, application, checked, now)))
                        .then(returns.appendHistory(returnNo, null, ReturnStatus.DRAFT, "APPLY", now, null))
                        .then(transitions.open(returnNo)))
                .flatMap(draft -> transitions.fire(draft, ReturnEvent.DECLARE, "CEB213 enqueued"))
                .flatMap(declared -> outbox.enqueue(
                                CustomsOutbox.SubjectKind.EXPORT_RETURN, declared.returnNo(), "CEB213", '1')
                        .thenReturn(declared));
    }

    /**
     * Takes the units with a conditional update. The lines are locked and the rule has already passed, so this only
     * refuses if a line was changed outside the lock, and then it refuses rather than overdraws.
     */
    private Mono<Void> take(ReturnApplication checked) {
        Map<String, RequestedLine> first = new LinkedHashMap<>();
        Map<String, Integer> units = new LinkedHashMap<>();
        for (RequestedLine l : checked.lines()) {
            String key = l.exportListNo() + "#" + l.gnum();
            first.putIfAbsent(key, l);
            units.merge(key, l.quantity(), Integer::sum);
        }
        return Flux.fromIterable(units.entrySet())
                .concatMap(e -> {
                    RequestedLine l = first.get(e.getKey());
                    return lists.take(l.exportListNo(), l.gnum(), e.getValue())
                            .flatMap(taken -> taken
                                    ? Mono.empty()
                                    : Mono.error(refused(List.of(Violation.of(
                                            RuleCode.QUANTITY,
                                            "the units of " + l.exportListNo() + " line " + l.gnum()
                                                    + " were taken by another return")))));
                })
                .then();
    }

    private static NewReturn newReturn(
            String returnNo, Application application, ReturnApplication checked, Instant now) {
        List<NewReturn.Line> lines = new ArrayList<>();
        LocalDate deadline = null;
        for (int i = 0; i < checked.lines().size(); i++) {
            RequestedLine l = checked.lines().get(i);
            ExportedList list = checked.releasedListOf(l).orElseThrow();
            ExportedLine e = list.lines().get(l.gnum());
            LocalDate last = ReturnWindow.lastArrivalDay(list.releasedOn());
            deadline = deadline == null || last.isAfter(deadline) ? last : deadline;
            lines.add(new NewReturn.Line(
                    i + 1,
                    l.exportListNo(),
                    l.gnum(),
                    e.gcode(),
                    e.name(),
                    e.model(),
                    e.unit(),
                    l.quantity(),
                    ReturnWindow.taxExempt(list.releasedOn(), checked.appliedOn()),
                    l.codes()));
        }
        String reason = application.reason() == null || application.reason().isBlank()
                ? DEFAULT_REASON
                : application.reason().strip();
        return new NewReturn(
                returnNo,
                application.disposition(),
                ReturnRules.taxExempt(checked),
                checked.appliedOn(),
                deadline,
                reason,
                application.transport(),
                now,
                lines,
                application.submissionKey());
    }

    private static RulesViolated refused(List<Violation> violations) {
        return new RulesViolated("the export return breaks " + violations.size() + " rule(s)", violations);
    }
}
