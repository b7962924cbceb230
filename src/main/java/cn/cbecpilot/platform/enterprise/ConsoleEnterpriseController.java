package cn.cbecpilot.platform.enterprise;

import cn.cbecpilot.platform.shared.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The operator's API for enterprises and their qualifications. */
@RestController
@RequestMapping("/api/console/enterprises")
class ConsoleEnterpriseController {

    private final Enterprises enterprises;
    private final ChangingEnterprises changing;

    ConsoleEnterpriseController(Enterprises enterprises, ChangingEnterprises changing) {
        this.enterprises = enterprises;
        this.changing = changing;
    }

    @GetMapping
    Flux<Enterprise> all() {
        return enterprises.all();
    }

    /** Registers an enterprise (201) or replaces an existing one's details (200), keeping both in the audit trail. */
    @PostMapping
    Mono<ResponseEntity<Enterprise>> register(@Valid @RequestBody NewEnterprise body, Principal operator) {
        return Mono.fromCallable(body::toEnterprise)
                .flatMap(e -> changing.register(e, operator.getName()))
                .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(saved.enterprise()));
    }

    record NewEnterprise(
            @NotBlank @Pattern(regexp = "[0-9A-Z]{10}|[0-9A-Z]{18}", message = "must be a 10- or 18-character code")
                    String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "[A-Z_]{2,32}", message = "must be a region name such as BEIJING")
                    String region,
            @NotEmpty Set<@NotNull Role> roles,
            @NotNull @Size(max = 20) List<@NotNull @Valid NewQualification> qualifications) {

        Enterprise toEnterprise() {
            qualifications.stream()
                    .filter(q -> q.validUntil().isBefore(q.validFrom()))
                    .findFirst()
                    .ifPresent(q -> {
                        throw InvalidInput.of(
                                "INVALID_FIELD",
                                "qualifications",
                                "qualification " + q.number() + " ends before it starts");
                    });
            return new Enterprise(
                    code,
                    name.strip(),
                    region,
                    roles,
                    qualifications.stream()
                            .map(q -> new Qualification(q.type(), q.number().strip(), q.validFrom(), q.validUntil()))
                            .toList());
        }
    }

    record NewQualification(
            @NotNull QualificationType type,
            @NotBlank @Size(max = 64) String number,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validUntil) {}
}
