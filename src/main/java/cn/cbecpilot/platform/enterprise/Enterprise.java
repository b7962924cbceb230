package cn.cbecpilot.platform.enterprise;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An enterprise registered on the platform, with its roles and qualifications. */
public record Enterprise(String code, String name, String region, Set<Role> roles, List<Qualification> qualifications) {

    public Enterprise {
        roles = Set.copyOf(roles);
        qualifications = List.copyOf(qualifications);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean holdsValid(QualificationType type, LocalDate day) {
        return qualifications.stream().anyMatch(q -> q.type() == type && q.validOn(day));
    }
}
