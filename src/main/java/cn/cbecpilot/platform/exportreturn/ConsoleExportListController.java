package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ExportListCsv;
import cn.cbecpilot.platform.exportreturn.domain.ImportedList;
import cn.cbecpilot.platform.shared.PlainText;
import jakarta.validation.Valid;
import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Operators import export lists, as JSON (one list) or CSV (any number, columns in {@link ExportListCsv}), sent as
 * {@code text/csv} or as the {@code file} part of a multipart form; and see every list with what is already returned.
 */
@RestController
@RequestMapping("/api/console/export-lists")
class ConsoleExportListController {

    private static final int MAX_CSV_BYTES = 1024 * 1024;

    private final ImportingExportLists importing;
    private final ExportLists lists;

    ConsoleExportListController(ImportingExportLists importing, ExportLists lists) {
        this.importing = importing;
        this.lists = lists;
    }

    @GetMapping
    Mono<List<ExportReturnApi.ExportListView>> all() {
        return lists.all();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ExportReturnApi.Imported> importJson(@Valid @RequestBody ExportReturnApi.ImportRequest body) {
        return importing.importAll(List.of(toList(body))).map(ExportReturnApi.Imported::new);
    }

    @PostMapping(consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ExportReturnApi.Imported> importCsv(@RequestBody byte[] body) {
        return Mono.fromCallable(() -> ExportListCsv.parse(PlainText.utf8(ByteBuffer.wrap(body), "the CSV")))
                .flatMap(importing::importAll)
                .map(ExportReturnApi.Imported::new);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ExportReturnApi.Imported> importCsvFile(@RequestPart("file") Mono<FilePart> file) {
        return file.switchIfEmpty(Mono.error(new ServerWebInputException("a CSV file in the part 'file' is required")))
                .flatMap(f -> DataBufferUtils.join(f.content(), MAX_CSV_BYTES))
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new ServerWebInputException("the CSV file is larger than 1 MB"))
                .map(buffer -> {
                    try {
                        return PlainText.utf8(buffer.toByteBuffer(), "the CSV file");
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .map(ExportListCsv::parse)
                .flatMap(importing::importAll)
                .map(ExportReturnApi.Imported::new);
    }

    private static ImportedList toList(ExportReturnApi.ImportRequest b) {
        return new ImportedList(
                b.exportListNo(),
                b.tradeMode(),
                b.customsCode(),
                b.portCode(),
                b.ebpCode(),
                b.ebcCode(),
                b.logisticsCode(),
                b.country(),
                b.declaredOn(),
                b.releasedOn(),
                Boolean.TRUE.equals(b.rebateClaimed()),
                b.lines().stream()
                        .map(l -> new ImportedList.Line(
                                l.gnum(),
                                l.gcode(),
                                l.name().strip(),
                                l.model(),
                                l.quantity(),
                                l.unit(),
                                l.codes(),
                                l.legalQuantity(),
                                l.legalUnit()))
                        .toList());
    }
}
