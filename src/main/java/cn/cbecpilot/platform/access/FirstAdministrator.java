package cn.cbecpilot.platform.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Outside the embedded mode no account exists until one is configured: when the operator table is empty and
 * {@code PLATFORM_ADMIN_USERNAME}/{@code PLATFORM_ADMIN_PASSWORD} are set, that administrator is created once (with a
 * BCrypt hash); afterwards the variables are ignored and accounts are managed through the administrators' API.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    static final int MIN_PASSWORD = 12;

    private final DatabaseClient db;
    private final PasswordEncoder passwords;
    private final Environment env;

    FirstAdministrator(DatabaseClient db, PasswordEncoder passwords, Environment env) {
        this.db = db;
        this.passwords = passwords;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfNone() {
        String password = env.getProperty("PLATFORM_ADMIN_PASSWORD", "");
        if (env.getProperty("platform.embedded", Boolean.class, false) || password.isBlank()) {
            return;
        }
        if (password.length() < MIN_PASSWORD) {
            log.error("PLATFORM_ADMIN_PASSWORD is shorter than {} characters: no administrator created", MIN_PASSWORD);
            return;
        }
        if (!OperatorAccounts.hashable(password)) {
            log.error(
                    "PLATFORM_ADMIN_PASSWORD is longer than {} bytes in UTF-8: no administrator created",
                    OperatorAccounts.MAX_PASSWORD_BYTES);
            return;
        }
        String username = env.getProperty("PLATFORM_ADMIN_USERNAME", "admin");
        create(username, password)
                .subscribe(
                        created -> {
                            if (created) {
                                log.warn(
                                        "Created the first administrator '{}'; change its password through the console",
                                        username);
                            }
                        },
                        e -> log.error("The first administrator could not be created", e));
    }

    /** Creates the administrator when no operator exists at all; answers whether it did. */
    Mono<Boolean> create(String username, String password) {
        return db.sql("insert into operator (username, password_hash, roles) select $1, $2, 'OPERATOR,COMPLIANCE,ADMIN'"
                        + " where not exists (select 1 from operator)")
                .bind(0, username)
                .bind(1, passwords.encode(password))
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }
}
