package cn.cbecpilot.platform.access;

import cn.cbecpilot.platform.shared.NotFound;
import cn.cbecpilot.platform.web.VerifiedLogins;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administrators manage operator accounts; passwords are stored as BCrypt hashes and never answered. */
@RestController
@RequestMapping("/api/console/operators")
class ConsoleOperatorController {

    enum OperatorRole {
        OPERATOR,
        COMPLIANCE,
        ADMIN
    }

    record Operator(String username, Set<String> roles, boolean enabled, Instant createdAt) {}

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

    private final DatabaseClient db;
    private final PasswordEncoder passwords;
    private final VerifiedLogins verified;

    ConsoleOperatorController(DatabaseClient db, PasswordEncoder passwords, VerifiedLogins verified) {
        this.db = db;
        this.passwords = passwords;
        this.verified = verified;
    }

    @GetMapping
    Flux<Operator> all() {
        return db.sql("select username, roles, enabled, created_at from operator order by username")
                .map((r, m) -> new Operator(
                        r.get("username", String.class),
                        roles(r.get("roles", String.class)),
                        Boolean.TRUE.equals(r.get("enabled", Boolean.class)),
                        r.get("created_at", Instant.class)))
                .all();
    }

    @PostMapping
    Mono<ResponseEntity<Object>> create(@Valid @RequestBody NewOperator body) {
        return db.sql("insert into operator (username, password_hash, roles) values ($1, $2, $3)"
                        + " on conflict (username) do nothing")
                .bind(0, body.username())
                .bind(1, passwords.encode(body.password()))
                .bind(2, joined(body.roles()))
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0
                        ? ResponseEntity.status(HttpStatus.CREATED)
                                .body((Object) new Operator(body.username(), names(body.roles()), true, null))
                        : ResponseEntity.status(HttpStatus.CONFLICT)
                                .body((Object) org.springframework.http.ProblemDetail.forStatusAndDetail(
                                        HttpStatus.CONFLICT, "operator " + body.username() + " exists already")));
    }

    /** Changes the password, the roles or whether the account may log in; what is omitted stays. */
    @PutMapping("/{username}")
    Mono<Void> change(@PathVariable String username, @Valid @RequestBody OperatorChange body) {
        var spec = db.sql("update operator set password_hash = coalesce($2, password_hash), roles = coalesce($3,"
                        + " roles), enabled = coalesce($4, enabled) where username = $1")
                .bind(0, username);
        spec = body.password() == null
                ? spec.bindNull(1, String.class)
                : spec.bind(1, passwords.encode(body.password()));
        spec = body.roles() == null || body.roles().isEmpty()
                ? spec.bindNull(2, String.class)
                : spec.bind(2, joined(body.roles()));
        spec = body.enabled() == null ? spec.bindNull(3, Boolean.class) : spec.bind(3, body.enabled());
        return spec.fetch()
                .rowsUpdated()
                .filter(n -> n > 0)
                .switchIfEmpty(Mono.error(() -> new NotFound("operator " + username + " does not exist")))
                .doOnNext(changed -> verified.forget(username))
                .then();
    }

    private static String joined(Set<OperatorRole> roles) {
        return String.join(",", names(roles));
    }

    private static Set<String> names(Set<OperatorRole> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        return names;
    }

    private static Set<String> roles(String stored) {
        Set<String> roles = new TreeSet<>();
        for (String r : stored.split(",")) {
            if (!r.isBlank()) {
                roles.add(r.strip());
            }
        }
        return roles;
    }
}
