package cn.cbecpilot.platform.exportreturn;

import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** An export return as the operator sees it: lines, timeline, bonded stock. */
@Service
class ReadingReturns {

    private final ReturnTransitions transitions;
    private final ExportReturns returns;
    private final BondedReturnStock bond;

    ReadingReturns(ReturnTransitions transitions, ExportReturns returns, BondedReturnStock bond) {
        this.transitions = transitions;
        this.returns = returns;
        this.bond = bond;
    }

    Mono<ExportReturnApi.ReturnDetails> details(String returnNo) {
        return transitions
                .open(returnNo)
                .zipWith(Mono.zip(
                        returns.lines(returnNo), returns.history(returnNo).collectList(), bond.of(returnNo)))
                .map(t -> details(
                        t.getT1(),
                        t.getT2().getT1(),
                        t.getT2().getT2(),
                        t.getT2().getT3()));
    }

    Mono<List<ExportReturnApi.ReturnSummary>> all() {
        return returns.all().collectList();
    }

    private static ExportReturnApi.ReturnDetails details(
            ExportReturnRow r,
            List<ReturnLineRow> lines,
            List<ExportReturnApi.History> history,
            List<ExportReturnApi.BondStock> stock) {
        return new ExportReturnApi.ReturnDetails(
                r.returnNo(),
                r.status(),
                r.taxExempt(),
                r.requestedDisposition(),
                r.disposition(),
                r.reentryBasis(),
                r.appliedOn(),
                r.arrivalDeadline(),
                r.arrivedOn(),
                lines.stream()
                        .map(l -> new ExportReturnApi.ReturnLine(
                                l.lineNo(),
                                l.exportListNo(),
                                l.gnum(),
                                l.gcode(),
                                l.name(),
                                l.quantity(),
                                l.talliedQuantity(),
                                l.taxExempt(),
                                l.codes()))
                        .toList(),
                history,
                stock);
    }
}
