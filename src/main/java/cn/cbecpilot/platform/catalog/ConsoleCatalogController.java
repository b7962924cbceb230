package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.NotFound;
import cn.cbecpilot.platform.shared.PlainText;
import jakarta.validation.Valid;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
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
    private final AddingProducts adding;
    private final Clock clock;

    ConsoleCatalogController(PositiveLists positiveLists, AddingProducts adding, Clock clock) {
        this.positiveLists = positiveLists;
        this.adding = adding;
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
        return adding.add(body);
    }

    private static String checkName(String edition) {
        if (edition == null || !edition.matches("[\\p{L}\\p{N} ._-]{1,32}")) {
            throw InvalidInput.of("INVALID_FIELD", "edition", "edition must be 1 to 32 letters, digits, spaces, . _ -");
        }
        return edition;
    }
}
