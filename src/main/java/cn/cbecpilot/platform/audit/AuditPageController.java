package cn.cbecpilot.platform.audit;

import cn.cbecpilot.platform.pages.HtmlPages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The audit trail for compliance officers and administrators (the security rules say who), newest first, paged, and
 * filtered by operator and by what was acted on. A filter that cannot be one is said next to its field, and the page
 * shows the newest entries unfiltered.
 */
@Controller
@HtmlPages
class AuditPageController {

    static final int PAGE_SIZE = 50;
    static final int MAX_TARGET = 100;

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/console/audit")
    Mono<Rendering> latest(
            @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String target) {
        String who = actor.strip();
        String what = target.strip();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (!who.isEmpty() && !who.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.put("actor", List.of("audit.filter.badActor"));
        }
        if (what.length() > MAX_TARGET || what.chars().anyMatch(Character::isISOControl)) {
            problems.put("target", List.of("audit.filter.badTarget"));
        }
        boolean filtered = problems.isEmpty();
        Long beforeId = before != null && before.matches("\\d{1,18}") ? Long.valueOf(before) : null;
        return trail.latest(
                        PAGE_SIZE,
                        beforeId,
                        filtered && !who.isEmpty() ? who : null,
                        filtered && !what.isEmpty() ? what : null)
                .collectList()
                .map(events -> Rendering.view("console/audit")
                        .status(filtered ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                        .modelAttribute("events", events)
                        .modelAttribute("actor", who)
                        .modelAttribute("target", what)
                        .modelAttribute("filtered", filtered && !(who.isEmpty() && what.isEmpty()))
                        .modelAttribute("problems", problems)
                        .modelAttribute("maxTarget", MAX_TARGET)
                        .modelAttribute(
                                "older",
                                events.size() == PAGE_SIZE
                                        ? events.get(events.size() - 1).id()
                                        : null)
                        .build());
    }
}
