package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.config.PlatformProperties;
import cn.cbecpilot.platform.enterprise.Enterprises;
import cn.cbecpilot.platform.enterprise.Role;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.NotFound;
import cn.cbecpilot.platform.shared.PlainText;
import cn.cbecpilot.platform.trace.Gtin;
import jakarta.validation.Valid;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operator's API for the catalogue: positive-list editions and products. */
@RestController
@RequestMapping("/api/console")
class ConsoleCatalogController {

    private final PositiveLists positiveLists;
    private final Products products;
    private final Enterprises enterprises;
    private final PlatformProperties properties;
    private final Clock clock;

    ConsoleCatalogController(
            PositiveLists positiveLists,
            Products products,
            Enterprises enterprises,
            PlatformProperties properties,
            Clock clock) {
        this.properties = properties;
        this.positiveLists = positiveLists;
        this.products = products;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @GetMapping("/positive-list")
    Mono<CatalogApi.EditionView> positiveList(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        return positiveLists
                .inForceOn(day)
                .map(CatalogApi.EditionView::of)
                .switchIfEmpty(Mono.error(() -> new NotFound("no positive-list edition is in force on " + day)));
    }

    /** Imports a whole edition from CSV ({@code seq,tariffLine,description,remark} under a header line). */
    @PostMapping(
            path = "/positive-list/editions",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CatalogApi.ImportAnswer> importEdition(
            @RequestParam String edition,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestBody byte[] csv) {
        return Mono.fromCallable(() -> new PositiveListEdition(
                        checkName(edition),
                        effectiveFrom,
                        PositiveListCsv.parse(PlainText.utf8(ByteBuffer.wrap(csv), "the CSV"))))
                .flatMap(e -> positiveLists
                        .exists(e.edition())
                        .flatMap(exists -> exists
                                ? Mono.error(InvalidInput.of("DUPLICATE", "edition", "edition " + edition + " exists"))
                                : positiveLists.add(e)))
                .map(e -> new CatalogApi.ImportAnswer(
                        e.edition(), e.effectiveFrom(), e.lines().size()));
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Product> addProduct(@Valid @RequestBody CatalogApi.NewProduct body) {
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
     * right, and a drug identification code with the leading 8 of every NMPA code, or no unit could ever be scanned.
     */
    private static Product identifiersChecked(Product p) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        if (p.gtin() != null && !Gtin.isValid(p.gtin())) {
            problems.add(new InvalidInput.FieldProblem(
                    "BAD_CHECK_DIGIT",
                    "gtin",
                    "GTIN " + p.gtin() + " should end in check digit " + Gtin.checkDigit(p.gtin())));
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

    private static String checkName(String edition) {
        if (edition == null || !edition.matches("[\\p{L}\\p{N} ._-]{1,32}")) {
            throw InvalidInput.of("INVALID_FIELD", "edition", "edition must be 1 to 32 letters, digits, spaces, . _ -");
        }
        return edition;
    }
}
