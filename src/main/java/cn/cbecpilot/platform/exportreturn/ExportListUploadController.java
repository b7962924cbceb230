package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ExportListCsv;
import cn.cbecpilot.platform.exportreturn.domain.ImportedList;
import cn.cbecpilot.platform.pages.HtmlPages;
import cn.cbecpilot.platform.pages.UploadedFiles;
import cn.cbecpilot.platform.shared.Conflict;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Export lists uploaded as a CSV file ({@link ExportListCsv}) on the export returns page, recorded by the same
 * {@link ImportingExportLists} as the API: the page then tells how many lists and lines it recorded, or every reason
 * it recorded none, next to the form.
 */
@Controller
@HtmlPages
class ExportListUploadController {

    private final ExportReturnPages pages;
    private final ImportingExportLists importing;

    ExportListUploadController(ExportReturnPages pages, ImportingExportLists importing) {
        this.pages = pages;
        this.importing = importing;
    }

    @PostMapping("/console/export-returns/lists")
    Mono<Rendering> upload(ServerWebExchange exchange) {
        return exchange.getMultipartData()
                .flatMap(parts -> parts.getFirst("file") instanceof FilePart file
                                && !file.filename().isBlank()
                        ? UploadedFiles.text(file)
                                .flatMap(this::importFrom)
                                .onErrorResume(InvalidInput.class, e -> Mono.just(ListUpload.refused(e)))
                        : Mono.just(ListUpload.refused("exportReturns.upload.noFile")))
                .flatMap(result ->
                        show(result, result.succeeded() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY))
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> show(ListUpload.refused("exportReturns.upload.tooLarge"), HttpStatus.PAYLOAD_TOO_LARGE));
    }

    private Mono<ListUpload> importFrom(String csv) {
        List<ImportedList> parsed;
        try {
            parsed = ExportListCsv.parse(csv);
        } catch (InvalidInput e) {
            return Mono.just(ListUpload.refused(e));
        }
        int lines = parsed.stream().mapToInt(l -> l.lines().size()).sum();
        return importing
                .importAll(parsed)
                .map(nos -> ListUpload.imported(nos.size(), lines))
                .onErrorResume(InvalidInput.class, e -> Mono.just(ListUpload.refused(e)))
                .onErrorResume(Conflict.class, e -> Mono.just(ListUpload.refused("exportReturns.upload.duplicate")));
    }

    private Mono<Rendering> show(ListUpload result, HttpStatus status) {
        return pages.list(ReturnSelection.blank(), Map.of(), result, status);
    }
}
