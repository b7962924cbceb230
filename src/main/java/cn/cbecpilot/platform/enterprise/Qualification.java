package cn.cbecpilot.platform.enterprise;

import java.time.LocalDate;
import java.util.Objects;

/** A qualification valid from its first to its last day, both included. */
public record Qualification(QualificationType type, String number, LocalDate validFrom, LocalDate validUntil) {

    public Qualification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " is before validFrom " + validFrom);
        }
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
