package cn.cbecpilot.platform.recall;

import cn.cbecpilot.platform.bond.BondStock;
import cn.cbecpilot.platform.bond.Lots;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.trace.RegisteredCode;
import cn.cbecpilot.platform.trace.TraceCodes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opens a recall campaign in one transaction: blocks the lots and units it covers (so that neither the STOCK rule nor
 * a reservation counts them), records where each unit was, finds the orders it reaches and writes a notice to each of
 * their buyers. A refused campaign writes nothing.
 */
@Service
class RecallingStock {

    private final Products products;
    private final Lots lots;
    private final BondStock stock;
    private final TraceCodes codes;
    private final Recalls recalls;
    private final TransactionalOperator tx;
    private final Clock clock;

    RecallingStock(
            Products products,
            Lots lots,
            BondStock stock,
            TraceCodes codes,
            Recalls recalls,
            TransactionalOperator tx,
            Clock clock) {
        this.products = products;
        this.lots = lots;
        this.stock = stock;
        this.codes = codes;
        this.recalls = recalls;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<RecallApi.Opened> open(RecallApi.OpenRecall request, String operator) {
        ScannedCodes scanned = ScannedCodes.read(request.codesOrNone());
        return products.find(request.sku())
                .switchIfEmpty(
                        Mono.error(() -> InvalidInput.of("UNKNOWN_PRODUCT", "sku", "no product " + request.sku())))
                .flatMap(product -> stock.lock(product.sku())
                        .then(Mono.zip(
                                lots.ofSku(product.sku()),
                                lots.recalledOfSku(product.sku()),
                                codes.find(scanned.codes())))
                        .flatMap(t -> scope(request, scanned, product, t.getT1(), t.getT2(), t.getT3()))
                        .flatMap(scope -> block(request, product, scope, operator))
                        .as(tx::transactional));
    }

    /**
     * Every problem of the request, or the lots and single units it covers. A lot a recall blocked already is named
     * by no second one (the same form sent twice, or a campaign opened again): that recall covers it; a recall of the
     * whole SKU takes the lots not blocked yet.
     */
    private static Mono<Scope> scope(
            RecallApi.OpenRecall request,
            ScannedCodes scanned,
            Product product,
            Map<String, Long> lotsByBatch,
            Set<Long> recalled,
            List<RegisteredCode> found) {
        List<FieldProblem> problems = new ArrayList<>(scanned.problems());
        List<String> batchNos = request.batchNosOrNone();
        for (int i = 0; i < batchNos.size(); i++) {
            if (!lotsByBatch.containsKey(batchNos.get(i))) {
                problems.add(new FieldProblem(
                        "UNKNOWN_BATCH",
                        "batchNos[" + i + "]",
                        "no lot of " + product.sku() + " has batch " + batchNos.get(i)));
            } else if (recalled.contains(lotsByBatch.get(batchNos.get(i)))) {
                problems.add(new FieldProblem(
                        "ALREADY_RECALLED",
                        "batchNos[" + i + "]",
                        "batch " + batchNos.get(i) + " of " + product.sku() + " is blocked by a recall already"));
            }
        }
        Map<String, RegisteredCode> byKey =
                found.stream().collect(Collectors.toMap(RegisteredCode::key, Function.identity()));
        Set<Long> codeIds = new LinkedHashSet<>();
        scanned.read().forEach((index, code) -> {
            RegisteredCode unit = byKey.get(code.key());
            if (unit == null || !code.isLabel(unit.raw())) {
                problems.add(new FieldProblem(
                        "UNKNOWN_CODE", "codes[" + index + "]", code.canonical() + " is not registered to any unit"));
            } else if (!unit.sku().equals(product.sku())) {
                problems.add(new FieldProblem(
                        "WRONG_PRODUCT", "codes[" + index + "]", code.canonical() + " is a unit of " + unit.sku()));
            } else {
                codeIds.add(unit.id());
            }
        });
        boolean wholeSku = batchNos.isEmpty() && scanned.read().isEmpty();
        List<Long> lotIds = wholeSku
                ? lotsByBatch.values().stream()
                        .filter(id -> !recalled.contains(id))
                        .toList()
                : batchNos.stream()
                        .filter(lotsByBatch::containsKey)
                        .map(lotsByBatch::get)
                        .toList();
        if (problems.isEmpty() && lotIds.isEmpty() && codeIds.isEmpty()) {
            problems.add(new FieldProblem(
                    "NOTHING_TO_RECALL", "sku", product.sku() + " has no lot in bond that a recall has not blocked"));
        }
        return problems.isEmpty()
                ? Mono.just(new Scope(lotIds, List.copyOf(codeIds)))
                : Mono.error(new InvalidInput(problems));
    }

    private Mono<RecallApi.Opened> block(RecallApi.OpenRecall request, Product product, Scope scope, String operator) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return recalls.open(product.sku(), request.batchNosOrNone(), request.reason(), operator, now, today)
                .flatMap(opened -> recalls.addLots(opened.id(), scope.lotIds())
                        .then(lots.markRecalled(scope.lotIds()))
                        .then(recalls.addUnits(opened.id(), scope.lotIds(), scope.codeIds()))
                        .flatMap(lots::takeOff)
                        .then(recalls.unitIds(opened.id()))
                        .flatMap(ids -> codes.markRecalled(ids, now, "recall " + opened.recallNo()))
                        .then(affectedOrders(opened, product, today))
                        .flatMap(orders -> notify(opened, product, request.reason(), orders, now)
                                .then(recalls.blockedUnits(opened.id()))
                                .map(blocked -> new RecallApi.Opened(
                                        opened.recallNo(),
                                        blocked,
                                        orders.stream()
                                                .map(AffectedOrder::orderNo)
                                                .toList()))));
    }

    /** Orders holding recalled units, and, when the stock left no longer covers all reservations, those reserving. */
    private Mono<List<AffectedOrder>> affectedOrders(Recalls.Opened opened, Product product, LocalDate today) {
        return recalls.ordersHoldingUnits(opened.id())
                .zipWith(stock.available(List.of(product.sku()), today))
                .flatMap(t -> {
                    List<AffectedOrder> affected = new ArrayList<>();
                    t.getT1().forEach(no -> affected.add(new AffectedOrder(no, AffectedOrder.Kind.HOLDS_UNITS)));
                    if (t.getT2().getOrDefault(product.sku(), 0) >= 0) {
                        return Mono.just(affected);
                    }
                    return recalls.ordersReserving(product.sku()).map(reserving -> {
                        reserving.forEach(no -> affected.add(new AffectedOrder(no, AffectedOrder.Kind.RESERVED)));
                        return affected;
                    });
                });
    }

    private Mono<Void> notify(
            Recalls.Opened opened, Product product, String reason, List<AffectedOrder> orders, Instant now) {
        List<String> texts = orders.stream()
                .map(o -> RecallNoticeText.of(o, product.name(), opened.recallNo(), reason))
                .toList();
        return recalls.addOrders(opened.id(), orders, texts, now);
    }

    private record Scope(List<Long> lotIds, List<Long> codeIds) {}
}
