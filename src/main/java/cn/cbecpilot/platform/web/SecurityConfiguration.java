package cn.cbecpilot.platform.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

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

    /**
     * No Micrometer observation around each security filter, authentication and authorization: with a registry present
     * Spring Security times every filter of every request (about a tenth of a receipt's processor time). Requests
     * stay timed as a whole ({@code http.server.requests}), which is what the dashboards read.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The anonymous hot paths, a consumer placing an order, the catalogue and customs pushing receipts, with no
     * authentication, session or saved request to look up on each call: none of them has a signed-in user, and
     * customs' bearer token is checked by its endpoint. Security headers are written as everywhere else.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain anonymousApi(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.matchers(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/orders", "/customs/receipts"),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/products", "/api/products/**")))
                .authorizeExchange(ex -> ex.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(SecurityConfiguration::headers)
                .build();
    }

    @Bean
    SecurityWebFilterChain security(
            ServerHttpSecurity http,
            ReactiveUserDetailsService operators,
            PasswordEncoder passwords,
            VerifiedLogins verified,
            ServerAuthenticationEntryPoint signInFirst,
            ServerAccessDeniedHandler refusedAccess,
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
                                "/console/positive-list/**",
                                "/api/console/enterprises/**",
                                "/console/enterprises/**",
                                "/api/console/products/**",
                                "/console/products/**")
                        .hasAnyRole("COMPLIANCE", "ADMIN")
                        .pathMatchers("/console/products/new")
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
                .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst).accessDeniedHandler(refusedAccess))
                .formLogin(form -> form.loginPage("/console/login")
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/console")))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessHandler(loggedOut()))
                .csrf(csrf -> csrf.accessDeniedHandler(refusedAccess)
                        .csrfTokenRequestHandler(pageCsrfTokens())
                        .requireCsrfProtectionMatcher(ServerWebExchangeMatchers.pathMatchers(
                                HttpMethod.POST, "/console/**", "/cart/**", "/checkout", "/orders/**")))
                .headers(SecurityConfiguration::headers)
                .build();
    }

    private static void headers(ServerHttpSecurity.HeaderSpec h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(f -> f.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /** Page forms carry the token as a field; the positive-list upload is multipart, so the token is read there too. */
    private static ServerCsrfTokenRequestHandler pageCsrfTokens() {
        var handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return new MultipartWithoutTokenRefused(handler);
    }

    /**
     * Spring Security maps a multipart form without the token field to null, which Reactor turns into a
     * NullPointerException and the client into a 500: a form without its token is a form without a token, refused with
     * 403 like any other.
     */
    private record MultipartWithoutTokenRefused(ServerCsrfTokenRequestHandler delegate)
            implements ServerCsrfTokenRequestHandler {

        @Override
        public void handle(ServerWebExchange exchange, Mono<CsrfToken> token) {
            delegate.handle(exchange, token);
        }

        @Override
        public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken token) {
            return delegate.resolveCsrfTokenValue(exchange, token)
                    .onErrorResume(NullPointerException.class, noTokenField -> Mono.empty());
        }
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
