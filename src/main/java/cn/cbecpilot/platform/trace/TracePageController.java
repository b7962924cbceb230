package cn.cbecpilot.platform.trace;

import cn.cbecpilot.platform.pages.HtmlPages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The storefront's code lookup: the same {@link TraceLookups} as {@code GET /api/trace/{code}}, so the page shows
 * product, lot, expiry, clearance, delivery and recall and nothing personal. A malformed code is told next to the
 * field, an unknown one too, each with its status.
 */
@Controller
@HtmlPages
class TracePageController {

    private final TraceLookups lookups;

    TracePageController(TraceLookups lookups) {
        this.lookups = lookups;
    }

    @GetMapping("/trace")
    Mono<Rendering> lookUp(@RequestParam(required = false) String code) {
        if (code == null) {
            return Mono.just(page("", null, null, HttpStatus.OK));
        }
        TraceCodeParser.Result read = TraceCodeParser.parse(code);
        if (read instanceof TraceCodeParser.Refused refused) {
            return Mono.just(
                    page(code, "trace.problem." + refused.problem().name(), null, HttpStatus.UNPROCESSABLE_ENTITY));
        }
        return lookups.find(read.orElseThrow())
                .map(unit -> page(code, null, unit, HttpStatus.OK))
                .defaultIfEmpty(page(code, "trace.unknown", null, HttpStatus.NOT_FOUND));
    }

    private static Rendering page(String code, String problemKey, TraceApi.UnitTrace unit, HttpStatus status) {
        return Rendering.view("storefront/trace")
                .status(status)
                .modelAttribute("code", code)
                .modelAttribute("problemKey", problemKey)
                .modelAttribute("unit", unit)
                .build();
    }
}
