package cn.cbecpilot.platform.access;

import cn.cbecpilot.platform.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operator table: accounts listed, added, and changed with what they were before, so that the audit trail can
 * keep both. Passwords go in as BCrypt hashes and never come out.
 */
@Component
class OperatorAccounts {

    /** An account as it may be shown: no password, no hash. */
    record Account(String username, Set<String> roles, boolean enabled, Instant createdAt) {}

    /** What the audit trail keeps of an account: its roles and whether it may log in. */
    record Access(Set<String> roles, boolean enabled) {}

    /** An account's access before and after a change, and whether the change set a new password. */
    record Change(Access before, Access after, boolean passwordChanged) {}

    private final DatabaseClient db;
    private final PasswordEncoder passwords;

    OperatorAccounts(DatabaseClient db, PasswordEncoder passwords) {
        this.db = db;
        this.passwords = passwords;
    }

    Flux<Account> all() {
        return db.sql("select username, roles, enabled, created_at from operator order by username")
                .map((r, m) -> new Account(
                        r.get("username", String.class),
                        roles(r.get("roles", String.class)),
                        Boolean.TRUE.equals(r.get("enabled", Boolean.class)),
                        r.get("created_at", Instant.class)))
                .all();
    }

    /** BCrypt hashes at most 72 bytes of a password: a password of 24 Chinese characters already fills them. */
    static final int MAX_PASSWORD_BYTES = 72;

    static boolean hashable(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    private static Mono<Void> checkHashable(String password) {
        return password == null || hashable(password)
                ? Mono.empty()
                : Mono.error(InvalidInput.of(
                        "INVALID_FIELD",
                        "password",
                        "password must be at most " + MAX_PASSWORD_BYTES
                                + " bytes in UTF-8 (a Chinese character takes 3)"));
    }

    /** Adds an enabled account; answers whether it did (false: the name is taken). */
    Mono<Boolean> add(String username, String password, Set<String> roles) {
        return checkHashable(password).then(Mono.defer(() -> insert(username, password, roles)));
    }

    private Mono<Boolean> insert(String username, String password, Set<String> roles) {
        return db.sql("insert into operator (username, password_hash, roles) values ($1, $2, $3)"
                        + " on conflict (username) do nothing")
                .bind(0, username)
                .bind(1, passwords.encode(password))
                .bind(2, String.join(",", roles))
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    /**
     * Sets what is given (null: unchanged) and answers the access before and after, read in the same statement that
     * changes it so that a concurrent change cannot slip between them; empty when there is no such account.
     */
    Mono<Change> change(String username, String password, Set<String> roles, Boolean enabled) {
        return checkHashable(password).then(Mono.defer(() -> update(username, password, roles, enabled)));
    }

    private Mono<Change> update(String username, String password, Set<String> roles, Boolean enabled) {
        var spec = db.sql("with before as (select username, roles, enabled from operator where username = $1"
                        + " for update) update operator o set password_hash = coalesce($2, o.password_hash),"
                        + " roles = coalesce($3, o.roles), enabled = coalesce($4, o.enabled) from before b"
                        + " where o.username = b.username"
                        + " returning b.roles as roles_before, b.enabled as enabled_before, o.roles, o.enabled")
                .bind(0, username);
        spec = password == null ? spec.bindNull(1, String.class) : spec.bind(1, passwords.encode(password));
        spec = roles == null || roles.isEmpty()
                ? spec.bindNull(2, String.class)
                : spec.bind(2, String.join(",", roles));
        spec = enabled == null ? spec.bindNull(3, Boolean.class) : spec.bind(3, enabled);
        return spec.map((r, m) -> new Change(
                        new Access(
                                roles(r.get("roles_before", String.class)),
                                Boolean.TRUE.equals(r.get("enabled_before", Boolean.class))),
                        new Access(
                                roles(r.get("roles", String.class)),
                                Boolean.TRUE.equals(r.get("enabled", Boolean.class))),
                        password != null))
                .one();
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
