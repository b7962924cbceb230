package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.catalog.PositiveListCsv;
import cn.cbecpilot.platform.catalog.PositiveListEdition;
import cn.cbecpilot.platform.catalog.PositiveLists;
import cn.cbecpilot.platform.pages.UploadedFiles;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Positive-list editions: the one in force with its lines, the others by date, and the import of a new one from CSV. */
@Controller
class ConsolePositiveListController {

    /** Far above the largest edition the reader accepts (5,000 rows), so that only absurd uploads are cut off. */
    private final PositiveLists positiveLists;

    private final Clock clock;

    ConsolePositiveListController(PositiveLists positiveLists, Clock clock) {
        this.positiveLists = positiveLists;
        this.clock = clock;
    }

    @GetMapping("/console/positive-list")
    Mono<Rendering> editions() {
        return page(null, HttpStatus.OK);
    }

    @PostMapping("/console/positive-list")
    Mono<Rendering> importEdition(ServerWebExchange exchange) {
        return exchange.getMultipartData()
                .flatMap(parts -> UploadedFiles.text(parts.getFirst("file"))
                        .flatMap(csv -> importFrom(field(parts, "edition"), field(parts, "effectiveFrom"), csv))
                        .onErrorResume(
                                InvalidInput.class,
                                notText -> Mono.just(refused(
                                        field(parts, "edition"),
                                        date(field(parts, "effectiveFrom")).orElse(null),
                                        0,
                                        notText))))
                .flatMap(result ->
                        page(result, result.succeeded() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY))
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> page(refusal("", null, 0, "positiveList.import.tooLarge"), HttpStatus.PAYLOAD_TOO_LARGE));
    }

    private static ImportResult refused(String edition, LocalDate effectiveFrom, int read, InvalidInput e) {
        List<ImportResult.Refused> refused = e.problems().stream()
                .map(p -> new ImportResult.Refused(p.field(), p.message()))
                .toList();
        return new ImportResult(edition, effectiveFrom, read, 0, refused, null);
    }

    private Mono<ImportResult> importFrom(String edition, String from, String csv) {
        int read = rowsUnderHeader(csv);
        Optional<LocalDate> effectiveFrom = date(from);
        if (!edition.matches("[\\p{L}\\p{N} ._-]{1,32}")) {
            return Mono.just(refusal(edition, effectiveFrom.orElse(null), read, "positiveList.import.badEdition"));
        }
        if (effectiveFrom.isEmpty()) {
            return Mono.just(refusal(edition, null, read, "positiveList.import.badDate"));
        }
        PositiveListEdition parsed;
        try {
            parsed = new PositiveListEdition(edition, effectiveFrom.get(), PositiveListCsv.parse(csv));
        } catch (InvalidInput e) {
            return Mono.just(refused(edition, effectiveFrom.get(), read, e));
        }
        return positiveLists
                .exists(edition)
                .flatMap(exists -> exists
                        ? Mono.just(refusal(edition, effectiveFrom.get(), read, "positiveList.import.duplicate"))
                        : positiveLists
                                .add(parsed)
                                .map(added -> new ImportResult(
                                        edition,
                                        added.effectiveFrom(),
                                        read,
                                        added.lines().size(),
                                        List.of(),
                                        null)));
    }

    private Mono<Rendering> page(ImportResult result, HttpStatus status) {
        LocalDate today = LocalDate.now(clock);
        return Mono.zip(
                        positiveLists.editions().collectList(),
                        positiveLists.inForceOn(today).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(t -> {
                    var page = Rendering.view("console/positive-list")
                            .status(status)
                            .modelAttribute("editions", t.getT1())
                            .modelAttribute("today", today);
                    t.getT2().ifPresent(e -> page.modelAttribute("inForce", e));
                    if (result != null) {
                        page.modelAttribute("result", result);
                    }
                    return page.build();
                });
    }

    private static ImportResult refusal(String edition, LocalDate from, int read, String key) {
        return new ImportResult(edition, from, read, 0, List.of(), key);
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart f ? f.value().strip() : "";
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The file's non-blank rows below its header, as the CSV reader counts them. */
    static int rowsUnderHeader(String csv) {
        String[] rows = csv.replace("\uFEFF", "").split("\r?\n");
        int read = 0;
        for (int i = 1; i < rows.length; i++) {
            if (!rows[i].isBlank()) {
                read++;
            }
        }
        return read;
    }
}
