package cn.cbecpilot.platform.audit;

import cn.cbecpilot.platform.pages.HtmlPages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The audit trail for compliance officers and administrators (the security rules say who), newest first, paged. */
@Controller
@HtmlPages
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/console/audit")
    Mono<Rendering> latest(@RequestParam(required = false) Long before) {
        return trail.latest(PAGE_SIZE, before).collectList().map(events -> Rendering.view("console/audit")
                .modelAttribute("events", events)
                .modelAttribute(
                        "older",
                        events.size() == PAGE_SIZE
                                ? events.get(events.size() - 1).id()
                                : null)
                .build());
    }
}
