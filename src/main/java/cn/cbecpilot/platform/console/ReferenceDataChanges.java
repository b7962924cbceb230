package cn.cbecpilot.platform.console;

import java.security.Principal;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import reactor.core.publisher.Mono;

/**
 * Who may change the reference data (products, enterprises and their qualifications), as the security configuration
 * lets them: a page offers its forms only to them.
 */
final class ReferenceDataChanges {

    private static final Set<String> ROLES = Set.of("ROLE_COMPLIANCE", "ROLE_ADMIN");

    private ReferenceDataChanges() {}

    static Mono<Boolean> allowed(Mono<Principal> principal) {
        return principal
                .map(p -> p instanceof Authentication a
                        && a.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .anyMatch(ROLES::contains))
                .defaultIfEmpty(false);
    }
}
