package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.TallyLine;
import cn.cbecpilot.platform.shared.InvalidInput;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operator's actions on export returns after their declaration: re-declaration, tally, disposition, bonded steps. */
@RestController
@RequestMapping("/api/console/export-returns")
class ConsoleExportReturnController {

    private final MovingReturns moving;
    private final ApplyingForReturns applying;
    private final ReadingReturns reading;

    ConsoleExportReturnController(MovingReturns moving, ApplyingForReturns applying, ReadingReturns reading) {
        this.moving = moving;
        this.applying = applying;
        this.reading = reading;
    }

    @GetMapping
    Mono<List<ExportReturnApi.ReturnSummary>> all() {
        return reading.all();
    }

    @PostMapping("/{returnNo}/tally")
    Mono<ExportReturnApi.StatusAnswer> tally(
            @PathVariable String returnNo, @Valid @RequestBody ExportReturnApi.TallyRequest body) {
        List<TallyLine> lines = body.lines().stream()
                .map(l -> new TallyLine(l.exportListNo(), l.gnum(), l.quantity(), l.codes()))
                .toList();
        return Mono.defer(() -> moving.tally(returnNo, lines, body.location(), operator(body)))
                .map(ConsoleExportReturnController::answer);
    }

    /** Customs rejected the return (CEB214 100): declared again, corrected, as a change (appType 2). */
    @PostMapping("/{returnNo}/redeclare")
    Mono<ExportReturnApi.StatusAnswer> redeclare(
            @PathVariable String returnNo,
            @Valid @RequestBody(required = false) ExportReturnApi.RedeclareRequest body) {
        ExportReturnApi.RedeclareRequest corrections =
                body == null ? new ExportReturnApi.RedeclareRequest(null, null) : body;
        return applying.redeclare(returnNo, corrections).map(ConsoleExportReturnController::answer);
    }

    private static MovingReturns.SiteOperator operator(ExportReturnApi.TallyRequest body) {
        if (body.operatorCode() == null) {
            return null;
        }
        if (body.operatorName() == null || body.operatorName().isBlank()) {
            throw InvalidInput.of("REQUIRED", "operatorName", "a tally that names its site operator also names it");
        }
        return new MovingReturns.SiteOperator(
                body.operatorCode(), body.operatorName().strip());
    }

    @PostMapping("/{returnNo}/dispose")
    Mono<ExportReturnApi.StatusAnswer> dispose(
            @PathVariable String returnNo, @Valid @RequestBody ExportReturnApi.DisposeRequest body) {
        return moving.dispose(returnNo, body.disposition(), Boolean.TRUE.equals(body.rebateRepaid()))
                .map(ConsoleExportReturnController::answer);
    }

    @PostMapping("/{returnNo}/steps/{step}")
    Mono<ExportReturnApi.StatusAnswer> step(@PathVariable String returnNo, @PathVariable String step) {
        return Mono.defer(() -> moving.step(returnNo, step)).map(ConsoleExportReturnController::answer);
    }

    private static ExportReturnApi.StatusAnswer answer(ExportReturnRow r) {
        return new ExportReturnApi.StatusAnswer(r.returnNo(), r.status());
    }
}
