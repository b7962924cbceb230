package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.enterprise.Qualification;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A qualification with how it stands today, so that the console can warn before one lapses. */
record QualificationView(Qualification qualification, Standing standing, long daysLeft) {

    static final int WARN_DAYS = 30;

    enum Standing {
        NOT_YET_VALID,
        VALID,
        EXPIRING,
        EXPIRED,
        /** Expiring or expired, and followed without a gap by another of its type that lasts longer. */
        RENEWED
    }

    static QualificationView of(Qualification q, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, q.validUntil());
        Standing standing;
        if (today.isBefore(q.validFrom())) {
            standing = Standing.NOT_YET_VALID;
        } else if (left < 0) {
            standing = Standing.EXPIRED;
        } else if (left <= WARN_DAYS) {
            standing = Standing.EXPIRING;
        } else {
            standing = Standing.VALID;
        }
        return new QualificationView(q, standing, left);
    }

    /** As {@link #of(Qualification, LocalDate)}, but one that another of the enterprise's takes over from is renewed. */
    static QualificationView of(Qualification q, LocalDate today, List<Qualification> held) {
        QualificationView view = of(q, today);
        boolean renewed = held.stream()
                .anyMatch(next -> next.type() == q.type()
                        && next.validUntil().isAfter(q.validUntil())
                        && !next.validFrom().isAfter(q.validUntil().plusDays(1)));
        return view.needsAttention() && renewed ? new QualificationView(q, Standing.RENEWED, view.daysLeft()) : view;
    }

    public boolean needsAttention() {
        return standing == Standing.EXPIRED || standing == Standing.EXPIRING;
    }
}
