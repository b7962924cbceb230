package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.Enterprises;
import cn.cbecpilot.platform.enterprise.QualificationType;
import cn.cbecpilot.platform.enterprise.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** Enterprises with their roles and qualifications, warning of those expired or expiring within 30 days. */
@Controller
class ConsoleEnterprisesController {

    private final Enterprises enterprises;
    private final Clock clock;

    ConsoleEnterprisesController(Enterprises enterprises, Clock clock) {
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /** An enterprise as the page lists it; a platform without both pilot qualifications valid today is flagged. */
    record EnterpriseView(Enterprise enterprise, List<QualificationView> qualifications, boolean pilotReady) {

        public long warnings() {
            return qualifications.stream()
                    .filter(QualificationView::needsAttention)
                    .count();
        }
    }

    @GetMapping("/console/enterprises")
    Mono<Rendering> enterprises() {
        LocalDate today = LocalDate.now(clock);
        return enterprises
                .all()
                .map(e -> view(e, today))
                .collectSortedList(Comparator.comparing(v -> v.enterprise().code()))
                .map(views -> Rendering.view("console/enterprises")
                        .modelAttribute("enterprises", views)
                        .modelAttribute(
                                "warnings",
                                views.stream()
                                        .mapToLong(EnterpriseView::warnings)
                                        .sum())
                        .modelAttribute("warnDays", QualificationView.WARN_DAYS)
                        .build());
    }

    private static EnterpriseView view(Enterprise e, LocalDate today) {
        boolean ready = !e.has(Role.PLATFORM)
                || (e.holdsValid(QualificationType.CBEC_PLATFORM, today)
                        && e.holdsValid(QualificationType.MEDICAL_ONLINE_TRADING, today));
        return new EnterpriseView(
                e,
                e.qualifications().stream()
                        .map(q -> QualificationView.of(q, today))
                        .sorted(Comparator.comparing(q -> q.qualification().validUntil()))
                        .toList(),
                ready);
    }
}
