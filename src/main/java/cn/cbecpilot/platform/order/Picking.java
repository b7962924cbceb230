package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.bond.BondStock;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.trace.TraceCodeParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes a released order's units out of bond: one traceability code per unit, either the codes the picker scanned or
 * first-expiry-first-out, each of the line's SKU, in bond, unexpired and not recalled. Stock follows: the lots'
 * remaining units and the SKU's reservation go down. Runs in the transaction of the PICK transition, so a refused
 * code undoes everything.
 */
@Component
class Picking {

    private final Orders orders;
    private final UnitCodes codes;
    private final BondStock stock;

    Picking(Orders orders, UnitCodes codes, BondStock stock) {
        this.orders = orders;
        this.codes = codes;
        this.stock = stock;
    }

    Mono<Void> pick(String orderNo, List<String> scanned, LocalDate today, Instant at) {
        Mono<Void> bound = orders.lines(orderNo)
                .collectList()
                .flatMap(lines -> scanned == null || scanned.isEmpty()
                        ? firstExpiring(orderNo, lines, today)
                        : scannedCodes(orderNo, lines, scanned, today));
        return bound.then(codes.leaveLots(orderNo))
                .then(stock.giveBack(orderNo))
                .then(codes.event(orderNo, "PICKED", null, at));
    }

    private Mono<Void> firstExpiring(String orderNo, List<OrderLineRow> lines, LocalDate today) {
        return Flux.fromIterable(lines)
                .concatMap(l -> codes.bindFirstExpiring(l.sku(), l.quantity(), orderNo, l.lineNo(), today)
                        .flatMap(n -> n == l.quantity()
                                ? Mono.<Void>empty()
                                : Mono.error(InvalidInput.of(
                                        "TRACE_CODE_SHORT",
                                        "codes",
                                        "line " + l.lineNo() + " needs " + l.quantity() + " coded units of " + l.sku()
                                                + " in bond; " + n + " are free"))))
                .then();
    }

    private Mono<Void> scannedCodes(String orderNo, List<OrderLineRow> lines, List<String> scanned, LocalDate today) {
        List<TraceCodeParser.Result> read = PickCheck.read(scanned);
        return Flux.fromIterable(read)
                .concatMap(r -> r instanceof TraceCodeParser.Accepted accepted
                        ? codes.byCode(accepted.code()).map(Optional::of).defaultIfEmpty(Optional.empty())
                        : Mono.just(Optional.<UnitCodes.UnitCode>empty()))
                .collectList()
                .flatMap(found -> {
                    List<Integer> lineOf = new ArrayList<>();
                    List<FieldProblem> problems = PickCheck.check(lines, scanned, read, found, today, lineOf);
                    if (!problems.isEmpty()) {
                        return Mono.error(new InvalidInput(problems));
                    }
                    return bindAll(orderNo, lines, found, lineOf, today);
                });
    }

    private Mono<Void> bindAll(
            String orderNo,
            List<OrderLineRow> lines,
            List<Optional<UnitCodes.UnitCode>> found,
            List<Integer> lineOf,
            LocalDate today) {
        return Flux.range(0, found.size())
                .concatMap(i -> {
                    UnitCodes.UnitCode code = found.get(i).orElseThrow();
                    OrderLineRow line = lines.get(lineOf.get(i));
                    return codes.bind(code.id(), line.sku(), orderNo, line.lineNo(), today)
                            .flatMap(ok -> ok
                                    ? Mono.<Void>empty()
                                    : Mono.error(InvalidInput.of(
                                            "TRACE_CODE_TAKEN",
                                            "codes[" + i + "]",
                                            "code " + code.raw() + " was taken by another order meanwhile")));
                })
                .then();
    }
}
