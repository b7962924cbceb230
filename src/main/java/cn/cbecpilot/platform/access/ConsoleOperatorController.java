package cn.cbecpilot.platform.access;

import cn.cbecpilot.platform.audit.AuditTrail;
import cn.cbecpilot.platform.shared.NotFound;
import cn.cbecpilot.platform.web.VerifiedLogins;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Administrators manage operator accounts; passwords are stored as BCrypt hashes and never answered. Each account
 * added or changed is kept in the audit trail, in the same transaction, with its roles and whether it may log in,
 * before and after; of the password only that it was set, since even its hash would let a reader of the trail test
 * guesses offline.
 */
@RestController
@RequestMapping("/api/console/operators")
class ConsoleOperatorController {

    static final String CHANGED = "OPERATOR_CHANGED";

    enum OperatorRole {
        OPERATOR,
        COMPLIANCE,
        ADMIN
    }

    record NewOperator(
            @NotNull
                    @Pattern(
                            regexp = "[a-z][a-z0-9._-]{2,63}",
                            message = "must be 3-64 lower-case letters, digits, . _ -")
                    String username,
            @NotNull @Size(min = FirstAdministrator.MIN_PASSWORD, max = 72, message = "must be 12 to 72 characters")
                    String password,
            @NotEmpty Set<@NotNull OperatorRole> roles) {}

    record OperatorChange(
            @Size(min = FirstAdministrator.MIN_PASSWORD, max = 72, message = "must be 12 to 72 characters")
                    String password,
            Set<@NotNull OperatorRole> roles,
            Boolean enabled) {}

    /** An account's access after it was added or changed, as the audit trail keeps it. */
    private record AuditedAccess(Set<String> roles, boolean enabled, boolean passwordChanged) {}

    private final OperatorAccounts accounts;
    private final VerifiedLogins verified;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final TransactionalOperator tx;

    ConsoleOperatorController(
            OperatorAccounts accounts,
            VerifiedLogins verified,
            AuditTrail audit,
            ObjectMapper mapper,
            TransactionalOperator tx) {
        this.accounts = accounts;
        this.verified = verified;
        this.audit = audit;
        this.mapper = mapper;
        this.tx = tx;
    }

    @GetMapping
    Flux<OperatorAccounts.Account> all() {
        return accounts.all();
    }

    @PostMapping
    Mono<ResponseEntity<Object>> create(@Valid @RequestBody NewOperator body, Principal admin) {
        Set<String> roles = names(body.roles());
        return accounts.add(body.username(), body.password(), roles)
                .flatMap(added -> added ? created(body.username(), roles, admin) : taken(body.username()))
                .as(tx::transactional);
    }

    /** Changes the password, the roles or whether the account may log in; what is omitted stays. */
    @PutMapping("/{username}")
    Mono<Void> change(@PathVariable String username, @Valid @RequestBody OperatorChange body, Principal admin) {
        return accounts.change(
                        username, body.password(), body.roles() == null ? null : names(body.roles()), body.enabled())
                .switchIfEmpty(Mono.error(() -> new NotFound("operator " + username + " does not exist")))
                .flatMap(changed -> audit.changed(
                        admin.getName(),
                        CHANGED,
                        target(username),
                        json(changed.before()),
                        json(new AuditedAccess(
                                changed.after().roles(), changed.after().enabled(), changed.passwordChanged()))))
                .as(tx::transactional)
                .doOnSuccess(committed -> verified.forget(username));
    }

    private Mono<ResponseEntity<Object>> created(String username, Set<String> roles, Principal admin) {
        return audit.changed(
                        admin.getName(), CHANGED, target(username), null, json(new AuditedAccess(roles, true, true)))
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                        .body(new OperatorAccounts.Account(username, roles, true, null)));
    }

    private static Mono<ResponseEntity<Object>> taken(String username) {
        return Mono.just(ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, "operator " + username + " exists already")));
    }

    private static String target(String username) {
        return "operator/" + username;
    }

    private String json(Object access) {
        try {
            return mapper.writeValueAsString(access);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an account's access always serialises", e);
        }
    }

    private static Set<String> names(Set<OperatorRole> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        return names;
    }
}
