package cn.cbecpilot.platform.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may reach what: consumers the storefront and their own orders (by token), operators the console and its API
 * (form login or HTTP Basic, accounts in the database with BCrypt hashes), customs only its receipt endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    private static final int MAX_LOGIN_FAILURES = 5;
    private static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    private static final Duration VERIFIED_LOGIN_LIFETIME = Duration.ofSeconds(30);

    @Bean
    SecurityWebFilterChain security(
            ServerHttpSecurity http,
            ReactiveUserDetailsService operators,
            PasswordEncoder passwords,
            VerifiedLogins verified,
            Clock clock) {
        var checkPassword = new UserDetailsRepositoryReactiveAuthenticationManager(operators);
        checkPassword.setPasswordEncoder(passwords);
        var throttle =
                new LoginThrottle(new LoginAttempts(MAX_LOGIN_FAILURES, LOGIN_WINDOW, clock), checkPassword, verified);
        return http.authenticationManager(throttle)
                .addFilterBefore(throttle, SecurityWebFiltersOrder.HTTP_BASIC)
                .authorizeExchange(ex -> ex.pathMatchers("/console/login")
                        .permitAll()
                        .pathMatchers("/api/console/operators/**", "/console/operators/**")
                        .hasRole("ADMIN")
                        .pathMatchers("/api/console/audit/**", "/console/audit/**")
                        .hasAnyRole("COMPLIANCE", "ADMIN")
                        .pathMatchers(
                                HttpMethod.POST,
                                "/api/console/positive-list/**",
                                "/api/console/enterprises/**",
                                "/api/console/products/**")
                        .hasAnyRole("COMPLIANCE", "ADMIN")
                        .pathMatchers(HttpMethod.POST, "/api/console/recalls", "/console/recalls")
                        .hasAnyRole("COMPLIANCE", "ADMIN")
                        .pathMatchers("/api/console/**", "/console/**")
                        .hasAnyRole("OPERATOR", "COMPLIANCE", "ADMIN")
                        .pathMatchers(HttpMethod.POST, "/api/export-returns/**")
                        .hasAnyRole("OPERATOR", "COMPLIANCE", "ADMIN")
                        .pathMatchers("/api/export-returns/**")
                        .hasAnyRole("OPERATOR", "COMPLIANCE", "ADMIN")
                        .anyExchange()
                        .permitAll())
                .httpBasic(basic -> {})
                .formLogin(form -> form.loginPage("/console/login")
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/console")))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessHandler(loggedOut()))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(pageCsrfTokens())
                        .requireCsrfProtectionMatcher(ServerWebExchangeMatchers.pathMatchers(
                                HttpMethod.POST, "/console/**", "/cart/**", "/checkout", "/orders/**")))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(
                                r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Page forms carry the token as a field; the positive-list upload is multipart, so the token is read there too. */
    private static XorServerCsrfTokenRequestAttributeHandler pageCsrfTokens() {
        var handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    private static RedirectServerLogoutSuccessHandler loggedOut() {
        var handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create("/console/login?logout"));
        return handler;
    }

    /** Kept on the system clock: how long a checked password is trusted is no business rule a test moves. */
    @Bean
    VerifiedLogins verifiedLogins() {
        return new VerifiedLogins(VERIFIED_LOGIN_LIFETIME, Clock.systemUTC());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService operators(DatabaseClient db) {
        return username -> db.sql("select username, password_hash, roles, enabled from operator where username = $1")
                .bind(0, username)
                .map((row, meta) -> User.withUsername(row.get("username", String.class))
                        .password(row.get("password_hash", String.class))
                        .authorities(authorities(row.get("roles", String.class)))
                        .disabled(!row.get("enabled", Boolean.class))
                        .build())
                .one();
    }

    private static List<SimpleGrantedAuthority> authorities(String roles) {
        return Arrays.stream(roles.split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
    }
}
