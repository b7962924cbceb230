package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.RequestedLine;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The export-return API of DESIGN section 10: apply (declared at once) and read a return. Operators only. */
@RestController
@RequestMapping("/api/export-returns")
class ExportReturnController {

    private final ApplyingForReturns applying;
    private final ReadingReturns reading;

    ExportReturnController(ApplyingForReturns applying, ReadingReturns reading) {
        this.applying = applying;
        this.reading = reading;
    }

    @PostMapping
    Mono<ResponseEntity<ExportReturnApi.StatusAnswer>> apply(@Valid @RequestBody ExportReturnApi.ApplyRequest body) {
        return Mono.fromSupplier(() -> toApplication(body))
                .flatMap(applying::apply)
                .map(r -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/export-returns/" + r.returnNo()))
                        .body(new ExportReturnApi.StatusAnswer(r.returnNo(), r.status())));
    }

    @GetMapping("/{returnNo}")
    Mono<ExportReturnApi.ReturnDetails> get(@PathVariable String returnNo) {
        return reading.details(returnNo);
    }

    private static ApplyingForReturns.Application toApplication(ExportReturnApi.ApplyRequest body) {
        return new ApplyingForReturns.Application(
                body.lines().stream()
                        .map(l -> new RequestedLine(
                                l.exportListNo().strip(), l.gnum(), l.gcode(), l.quantity(), l.codes()))
                        .toList(),
                body.disposition(),
                body.reason(),
                body.transport(),
                null);
    }
}
