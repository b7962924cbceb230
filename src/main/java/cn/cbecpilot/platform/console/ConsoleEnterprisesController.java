package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.enterprise.ChangingEnterprises;
import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.enterprise.Enterprises;
import cn.cbecpilot.platform.enterprise.QualificationType;
import cn.cbecpilot.platform.enterprise.Role;
import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Enterprises with their roles and qualifications, warning of those expired or expiring within 30 days unless renewed;
 * compliance officers and administrators record a qualification (a renewal, or a new one) from each enterprise's form.
 */
@Controller
class ConsoleEnterprisesController {

    private final Enterprises enterprises;
    private final ChangingEnterprises changing;
    private final Clock clock;

    ConsoleEnterprisesController(Enterprises enterprises, ChangingEnterprises changing, Clock clock) {
        this.enterprises = enterprises;
        this.changing = changing;
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

    /** The form being filled in, for the enterprise it belongs to; null code when none is. */
    record OpenForm(String code, QualificationForm form, Map<String, List<RuleProblem>> problems) {

        static final OpenForm NONE = new OpenForm(null, QualificationForm.blank(), Map.of());

        public QualificationForm formOf(String enterprise) {
            return enterprise.equals(code) ? form : QualificationForm.blank();
        }

        public Map<String, List<RuleProblem>> problemsOf(String enterprise) {
            return enterprise.equals(code) ? problems : Map.of();
        }
    }

    /** {@code recorded}: the enterprise whose qualification the form has just recorded, named at the top. */
    @GetMapping("/console/enterprises")
    Mono<Rendering> enterprises(@RequestParam(required = false) String recorded, Mono<Principal> principal) {
        return page(OpenForm.NONE, recorded, HttpStatus.OK, principal);
    }

    @PostMapping("/console/enterprises/{code}/qualifications")
    Mono<Rendering> record(
            @PathVariable String code, @ModelAttribute("form") QualificationForm form, Mono<Principal> principal) {
        Map<String, List<RuleProblem>> problems = form.problems();
        if (!problems.isEmpty()) {
            return page(new OpenForm(code, form, problems), null, HttpStatus.UNPROCESSABLE_ENTITY, principal);
        }
        return principal
                .flatMap(operator -> changing.record(code, form.toQualification(), operator.getName()))
                .map(saved -> Rendering.redirectTo("/console/enterprises?recorded="
                                + UriUtils.encodeQueryParam(code, java.nio.charset.StandardCharsets.UTF_8)
                                + "#enterprise-" + code)
                        .build())
                .onErrorResume(
                        InvalidInput.class,
                        e -> page(
                                new OpenForm(code, form, QualificationForm.refusals(e)),
                                null,
                                HttpStatus.UNPROCESSABLE_ENTITY,
                                principal));
    }

    private Mono<Rendering> page(OpenForm open, String recorded, HttpStatus status, Mono<Principal> principal) {
        LocalDate today = LocalDate.now(clock);
        Mono<Boolean> mayRecord = ReferenceDataChanges.allowed(principal);
        return Mono.zip(
                        enterprises
                                .all()
                                .map(e -> view(e, today))
                                .collectSortedList(
                                        Comparator.comparing(v -> v.enterprise().code())),
                        mayRecord)
                .map(t -> {
                    List<EnterpriseView> views = t.getT1();
                    return Rendering.view("console/enterprises")
                            .status(status)
                            .modelAttribute("enterprises", views)
                            .modelAttribute(
                                    "warnings",
                                    views.stream()
                                            .mapToLong(EnterpriseView::warnings)
                                            .sum())
                            .modelAttribute("warnDays", QualificationView.WARN_DAYS)
                            .modelAttribute("open", open)
                            .modelAttribute("types", QualificationType.values())
                            .modelAttribute("mayRecord", t.getT2())
                            .modelAttribute(
                                    "recorded",
                                    views.stream()
                                            .map(EnterpriseView::enterprise)
                                            .filter(e -> e.code().equals(recorded))
                                            .findFirst()
                                            .orElse(null))
                            .build();
                });
    }

    private static EnterpriseView view(Enterprise e, LocalDate today) {
        boolean ready = !e.has(Role.PLATFORM)
                || (e.holdsValid(QualificationType.CBEC_PLATFORM, today)
                        && e.holdsValid(QualificationType.MEDICAL_ONLINE_TRADING, today));
        return new EnterpriseView(
                e,
                e.qualifications().stream()
                        .map(q -> QualificationView.of(q, today, e.qualifications()))
                        .sorted(Comparator.comparing(q -> q.qualification().validUntil()))
                        .toList(),
                ready);
    }
}
