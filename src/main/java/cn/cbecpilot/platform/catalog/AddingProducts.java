package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.config.PlatformProperties;
import cn.cbecpilot.platform.enterprise.Enterprises;
import cn.cbecpilot.platform.enterprise.Role;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.trace.Gtin;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Adds a product to the catalogue, refusing one whose SKU or GTIN another product has, whose seller is not a
 * registered seller, or whose identifiers no unit's code could carry. The API ({@code POST /api/console/products}) and
 * the console's form both come here.
 */
@Service
class AddingProducts {

    private final Products products;
    private final Enterprises enterprises;
    private final PlatformProperties properties;

    AddingProducts(Products products, Enterprises enterprises, PlatformProperties properties) {
        this.products = products;
        this.enterprises = enterprises;
        this.properties = properties;
    }

    /** The seller of products added without one. */
    String defaultSeller() {
        return properties.defaultSellerCode();
    }

    Mono<Product> add(CatalogApi.NewProduct body) {
        return Mono.fromCallable(() -> identifiersChecked(body.toProduct(properties.defaultSellerCode())))
                .flatMap(p -> Mono.zip(
                                products.exists(p.sku()),
                                enterprises
                                        .find(p.sellerCode())
                                        .map(e -> e.has(Role.SELLER))
                                        .defaultIfEmpty(false))
                        .flatMap(t -> {
                            if (t.getT1()) {
                                return Mono.error(
                                        InvalidInput.of("DUPLICATE", "sku", "product " + p.sku() + " exists"));
                            }
                            if (!t.getT2()) {
                                return Mono.error(InvalidInput.of(
                                        "UNKNOWN_SELLER",
                                        "sellerCode",
                                        "seller " + p.sellerCode() + " is not a registered seller"));
                            }
                            return products.add(p).onErrorMap(DataIntegrityViolationException.class, e -> taken(p, e));
                        }));
    }

    /** A unique identifier another product took first: the operator's mistake to correct, not a fault. */
    private static Throwable taken(Product p, DataIntegrityViolationException e) {
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("product_by_gtin")) {
            return InvalidInput.of("DUPLICATE", "gtin", "another product has GTIN " + p.gtin());
        }
        if (reason.contains("product_pkey")) {
            return InvalidInput.of("DUPLICATE", "sku", "product " + p.sku() + " exists");
        }
        return e;
    }

    /**
     * The identifiers units of the product will carry must be ones a code can have: a GTIN with its mod-10 check digit
     * right, and a drug identification code with the leading 8 of every NMPA code, or no unit could ever be scanned; and a
     * year's limit no lower than an order's, or the order's limit would promise what the year's refuses.
     */
    private static Product identifiersChecked(Product p) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        if (p.gtin() != null && !Gtin.isValid(p.gtin())) {
            problems.add(new InvalidInput.FieldProblem(
                    "BAD_CHECK_DIGIT",
                    "gtin",
                    "GTIN " + p.gtin() + " should end in check digit " + Gtin.checkDigit(p.gtin())));
        }
        if (p.maxPerOrder() != null && p.maxPerYear() != null && p.maxPerYear() < p.maxPerOrder()) {
            problems.add(new InvalidInput.FieldProblem(
                    "YEAR_BELOW_ORDER",
                    "maxPerYear",
                    "a year's limit of " + p.maxPerYear() + " is below the order's limit of " + p.maxPerOrder()));
        }
        if (p.drugIdCode() != null && !p.drugIdCode().startsWith("8")) {
            problems.add(new InvalidInput.FieldProblem(
                    "WRONG_PREFIX",
                    "drugIdCode",
                    "a drug identification code starts with 8, as every NMPA traceability code does"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return p;
    }
}
