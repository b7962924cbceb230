package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.catalog.PositiveListEdition;
import cn.cbecpilot.platform.catalog.PositiveLists;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.compliance.CheckedLine;
import cn.cbecpilot.platform.compliance.OrderCheck;
import cn.cbecpilot.platform.compliance.OrderCompliance;
import cn.cbecpilot.platform.compliance.PricedLine;
import cn.cbecpilot.platform.compliance.Pricing;
import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.compliance.TaxCalculator;
import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.config.PlatformProperties;
import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.Enterprises;
import cn.cbecpilot.platform.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Places an order the law allows and refuses, with every reason, one it does not. The buyer's quota and the stock are
 * read, checked, and taken by one statement that writes only if neither changed since the read, so concurrent orders
 * cannot overdraw either; the same Idempotency-Key always answers the same order.
 */
@Service
public class PlacingOrders {

    private final Products products;
    private final PositiveLists positiveLists;
    private final Enterprises enterprises;
    private final PlacementStatements statements;
    private final Orders orders;
    private final NewOrders newOrders;
    private final TaxCalculator taxes;
    private final PlatformProperties properties;
    private final Clock clock;

    PlacingOrders(
            Products products,
            PositiveLists positiveLists,
            Enterprises enterprises,
            PlacementStatements statements,
            Orders orders,
            NewOrders newOrders,
            TaxCalculator taxes,
            PlatformProperties properties,
            Clock clock) {
        this.products = products;
        this.positiveLists = positiveLists;
        this.enterprises = enterprises;
        this.statements = statements;
        this.orders = orders;
        this.newOrders = newOrders;
        this.taxes = taxes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Conflicts with another placement are rare (the same buyer ordering twice at once, or the last units going), and
     * each one means another order went through; a few quick tries settle them.
     */
    private static final Retry CONFLICTS = Retry.backoff(16, Duration.ofMillis(2))
            .maxBackoff(Duration.ofMillis(50))
            .filter(PlacementConflict.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());

    /**
     * Places the order, or answers the one the same Idempotency-Key placed before. The key is looked up by the
     * placement's read: one round trip fewer per placement.
     */
    public Mono<Placement> place(PlaceOrder request) {
        LocalDate today = LocalDate.now(clock);
        return references(request, today)
                .flatMap(ref ->
                        Mono.defer(() -> readCheckAndWrite(request, ref, today)).retryWhen(CONFLICTS))
                .onErrorResume(DataIntegrityViolationException.class, e -> orders.findByIdempotencyKey(
                                request.idempotencyKey())
                        .map(existing -> replay(existing, request))
                        .switchIfEmpty(Mono.error(e)));
    }

    private Placement replay(OrderRow existing, PlaceOrder request) {
        if (!existing.requestHash().equals(request.fingerprint())) {
            throw IdempotencyKeyReused.forKey(request.idempotencyKey());
        }
        return new Placement(existing, true);
    }

    /** Products, positive list and enterprises the order names, from the short-lived caches of reference data. */
    private Mono<Reference> references(PlaceOrder request, LocalDate today) {
        String platformCode = Optional.ofNullable(request.platformCode()).orElse(properties.platformCode());
        Set<String> skus = new HashSet<>();
        request.lines().forEach(l -> skus.add(l.sku()));
        return Mono.zip(products.findAllRecent(skus), edition(today)).flatMap(t -> enterprisesFor(
                        platformCode, t.getT1())
                .map(e -> new Reference(platformCode, t.getT1(), t.getT2().orElse(null), e)));
    }

    private Mono<Placement> readCheckAndWrite(PlaceOrder request, Reference ref, LocalDate today) {
        String idHash = newOrders.hashOf(request.buyer().idNumber());
        return statements
                .readThenWrite(
                        idHash,
                        today.getYear(),
                        ref.products().keySet(),
                        today,
                        request.idempotencyKey(),
                        (standing, writing) -> {
                            if (standing.placedBefore() != null) {
                                // answered once the connection is back in the pool: a burst of replays must not hold
                                // every connection while each waits for another one
                                return Mono.<Placement>empty();
                            }
                            Pricing pricing = taxes.price(pricedLines(request, ref));
                            OrderCheck check = check(
                                    request,
                                    ref,
                                    today,
                                    standing.used(),
                                    standing.available(),
                                    standing.bought(),
                                    pricing);
                            List<Violation> violations = OrderCompliance.check(check);
                            if (!violations.isEmpty()) {
                                return Mono.error(RulesViolated.orderRefused(violations));
                            }
                            return newOrders
                                    .save(request, ref.platformCode(), ref.products(), pricing, idHash, today, writing)
                                    .map(row -> new Placement(row, false));
                        })
                .switchIfEmpty(Mono.defer(() -> orders.findByIdempotencyKey(request.idempotencyKey())
                        .map(existing -> replay(existing, request))));
    }

    private OrderCheck check(
            PlaceOrder request,
            Reference ref,
            LocalDate today,
            Money used,
            Map<String, Integer> available,
            Map<String, Integer> bought,
            Pricing pricing) {
        List<CheckedLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrder.Line line = request.lines().get(i);
            Product product = ref.products().get(line.sku());
            Enterprise seller = product == null ? null : ref.enterprises().get(product.sellerCode());
            lines.add(new CheckedLine(
                    i + 1,
                    line.sku(),
                    line.quantity(),
                    product,
                    seller,
                    available.getOrDefault(line.sku(), 0),
                    bought.getOrDefault(line.sku(), 0)));
        }
        return new OrderCheck(
                today,
                ref.enterprises().get(ref.platformCode()),
                Set.copyOf(properties.pilotRegions()),
                request.buyer(),
                lines,
                ref.edition(),
                used,
                pricing);
    }

    private static List<PricedLine> pricedLines(PlaceOrder request, Reference ref) {
        List<PricedLine> priced = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrder.Line line = request.lines().get(i);
            Product p = ref.products().get(line.sku());
            if (p != null) {
                priced.add(new PricedLine(
                        i + 1, p.price(), line.quantity(), p.vatRate(), p.consumptionTaxRate(), p.dutyRate()));
            }
        }
        return priced;
    }

    private Mono<Optional<PositiveListEdition>> edition(LocalDate today) {
        return positiveLists.inForceOn(today).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private Mono<Map<String, Enterprise>> enterprisesFor(String platformCode, Map<String, Product> found) {
        Set<String> codes = new HashSet<>();
        codes.add(platformCode);
        found.values().forEach(p -> codes.add(p.sellerCode()));
        return enterprises.findAllRecent(codes);
    }

    private record Reference(
            String platformCode,
            Map<String, Product> products,
            PositiveListEdition edition,
            Map<String, Enterprise> enterprises) {}
}
