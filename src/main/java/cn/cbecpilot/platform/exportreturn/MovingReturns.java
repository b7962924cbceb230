package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.customs.CustomsOutbox;
import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.DomesticReentry;
import cn.cbecpilot.platform.exportreturn.domain.ReturnEvent;
import cn.cbecpilot.platform.exportreturn.domain.ReturnWindow;
import cn.cbecpilot.platform.exportreturn.domain.ReturnedLine;
import cn.cbecpilot.platform.exportreturn.domain.Tally;
import cn.cbecpilot.platform.exportreturn.domain.TallyLine;
import cn.cbecpilot.platform.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the operator does with a return after its declaration: records the tally on arrival (CEB215), disposes of the
 * released goods, and walks goods in bond through their steps. Each call is one transaction.
 */
@Service
class MovingReturns {

    private final ExportReturns returns;
    private final ExportLists lists;
    private final ReturnTransitions transitions;
    private final ExportReturnLifecycle lifecycle;
    private final BondedReturnStock bond;
    private final CustomsOutbox outbox;
    private final ExportReturnProperties properties;
    private final TransactionalOperator tx;
    private final Clock clock;

    MovingReturns(
            ExportReturns returns,
            ExportLists lists,
            ReturnTransitions transitions,
            ExportReturnLifecycle lifecycle,
            BondedReturnStock bond,
            CustomsOutbox outbox,
            ExportReturnProperties properties,
            TransactionalOperator tx,
            Clock clock) {
        this.properties = properties;
        this.returns = returns;
        this.lists = lists;
        this.transitions = transitions;
        this.lifecycle = lifecycle;
        this.bond = bond;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** The supervision site's operator who tallied the goods and sends the tally to customs. */
    record SiteOperator(String code, String name) {}

    /** @param operator who tallied; null for the configured site */
    Mono<ExportReturnRow> tally(String returnNo, List<TallyLine> counted, String location, SiteOperator operator) {
        SiteOperator site = operator != null
                ? operator
                : new SiteOperator(properties.siteOperatorCode(), properties.siteOperatorName());
        LocalDate today = LocalDate.now(clock);
        return transitions
                .open(returnNo)
                .flatMap(row -> lifecycle.next(row.status(), ReturnEvent.TALLY).thenReturn(row))
                .zipWhen(row -> returns.lines(returnNo))
                .flatMap(t -> {
                    List<ReturnLineRow> lines = t.getT2();
                    Tally tally = Tally.check(today, declared(lines), counted);
                    if (!tally.violations().isEmpty()) {
                        return Mono.error(refused("the tally", tally.violations()));
                    }
                    return recordTally(t.getT1(), lines, tally, today, location, site);
                })
                .as(tx::transactional);
    }

    private Mono<ExportReturnRow> recordTally(
            ExportReturnRow row,
            List<ReturnLineRow> lines,
            Tally tally,
            LocalDate today,
            String location,
            SiteOperator site) {
        Map<Integer, Boolean> exempt = new LinkedHashMap<>();
        for (ReturnLineRow l : lines) {
            exempt.put(l.lineNo(), ReturnWindow.taxExempt(l.releasedOn(), today));
        }
        boolean allExempt = lines.stream()
                .filter(l -> tally.arrived().getOrDefault(l.lineNo(), 0) > 0)
                .allMatch(l -> exempt.get(l.lineNo()));
        Flux<Void> giveBack = Flux.fromIterable(lines)
                .filter(l -> tally.arrived().getOrDefault(l.lineNo(), 0) < l.quantity())
                .concatMap(l -> lists.giveBack(
                        l.exportListNo(),
                        l.gnum(),
                        l.quantity() - tally.arrived().getOrDefault(l.lineNo(), 0)));
        List<String> scanned =
                tally.codes().values().stream().flatMap(List::stream).toList();
        return returns.recordArrival(row.returnNo(), today, allExempt, location, tally.arrived(), exempt)
                .then(returns.recordSiteOperator(row.returnNo(), site.code(), site.name()))
                .then(returns.markTallied(row.returnNo(), scanned))
                .thenMany(giveBack)
                .then(transitions.fire(row, ReturnEvent.TALLY, "CEB215 enqueued"))
                .flatMap(arrived -> outbox.enqueue(
                                CustomsOutbox.SubjectKind.EXPORT_RETURN, row.returnNo(), "CEB215", '1')
                        .then(returns.takePendingRelease(row.returnNo()))
                        .flatMap(pending -> pending
                                ? transitions.fire(arrived, ReturnEvent.RELEASE, "CEB214 800 received before the tally")
                                : Mono.just(arrived)));
    }

    Mono<ExportReturnRow> dispose(String returnNo, Disposition disposition, boolean rebateRepaid) {
        Instant now = clock.instant();
        return transitions
                .open(returnNo)
                .flatMap(row -> disposition == Disposition.BONDED_STORAGE
                        ? transitions
                                .fire(row, ReturnEvent.STORE_BONDED, null)
                                .flatMap(stored -> returns.recordDisposition(returnNo, disposition.name(), null)
                                        .then(bond.store(returnNo, now))
                                        .thenReturn(stored))
                        : reEnter(row, rebateRepaid))
                .as(tx::transactional);
    }

    private Mono<ExportReturnRow> reEnter(ExportReturnRow row, boolean rebateRepaid) {
        return lifecycle
                .next(row.status(), ReturnEvent.RE_ENTER_DOMESTIC)
                .then(returns.lines(row.returnNo()))
                .flatMap(lines -> {
                    boolean claimed = lines.stream().anyMatch(ReturnLineRow::rebateClaimed);
                    List<Violation> violations = DomesticReentry.check(claimed, rebateRepaid);
                    if (!violations.isEmpty()) {
                        return Mono.error(refused("the domestic re-entry", violations));
                    }
                    String basis = DomesticReentry.basis(claimed, rebateRepaid)
                            .orElseThrow()
                            .name();
                    return transitions
                            .fire(row, ReturnEvent.RE_ENTER_DOMESTIC, basis)
                            .flatMap(done -> returns.recordDisposition(
                                            row.returnNo(), Disposition.RE_ENTER_DOMESTIC.name(), basis)
                                    .thenReturn(done));
                });
    }

    Mono<ExportReturnRow> step(String returnNo, String step) {
        ReturnEvent event = ReturnEvent.ofBondedStep(step)
                .orElseThrow(() -> new NotFound(
                        "no bonded step " + step + "; the steps are consolidated, repaired, relabelled, re-exported"));
        Instant now = clock.instant();
        return transitions
                .open(returnNo)
                .flatMap(row -> transitions.fire(row, event, null))
                .flatMap(moved -> (event == ReturnEvent.RE_EXPORT
                                ? bond.reExport(returnNo, now)
                                : bond.process(
                                        returnNo,
                                        moved.status().name(),
                                        moved.status().name(),
                                        now))
                        .thenReturn(moved))
                .as(tx::transactional);
    }

    private static List<ReturnedLine> declared(List<ReturnLineRow> lines) {
        return lines.stream()
                .map(l -> new ReturnedLine(
                        l.lineNo(), l.exportListNo(), l.gnum(), l.quantity(), l.codes(), l.releasedOn()))
                .toList();
    }

    private static RulesViolated refused(String what, List<Violation> violations) {
        return new RulesViolated(what + " breaks " + violations.size() + " rule(s)", violations);
    }
}
