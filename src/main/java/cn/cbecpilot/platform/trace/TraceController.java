package cn.cbecpilot.platform.trace;

import cn.cbecpilot.platform.shared.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The consumer's check of a unit's code, in either scheme and any form it is printed or scanned in. A code with a
 * {@code /} in its serial (GS1 allows it) goes in the query, {@code /api/trace?code=…}.
 */
@RestController
@RequestMapping("/api/trace")
class TraceController {

    private final TraceLookups lookups;

    TraceController(TraceLookups lookups) {
        this.lookups = lookups;
    }

    @GetMapping("/{code}")
    Mono<TraceApi.UnitTrace> byPath(@PathVariable String code) {
        return lookUp(code);
    }

    @GetMapping
    Mono<TraceApi.UnitTrace> byQuery(@RequestParam String code) {
        return lookUp(code);
    }

    private Mono<TraceApi.UnitTrace> lookUp(String input) {
        return Mono.fromSupplier(() -> TraceCodeParser.parse(input).orElseThrow())
                .flatMap(code -> lookups.find(code)
                        .switchIfEmpty(Mono.error(() -> new NotFound("no unit carries the code " + code.canonical()))));
    }
}
