package cn.cbecpilot.platform.audit;

import cn.cbecpilot.platform.shared.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The audit trail for compliance officers and administrators, newest first, paged by id. */
@RestController
class ConsoleAuditController {

    private final AuditTrail trail;

    ConsoleAuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/console/audit")
    Flux<AuditEvent> latest(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) Long before) {
        if (limit < 1 || limit > 500) {
            throw InvalidInput.of("INVALID_FIELD", "limit", "limit must be between 1 and 500");
        }
        return trail.latest(limit, before);
    }
}
