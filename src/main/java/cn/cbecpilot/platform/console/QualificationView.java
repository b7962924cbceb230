package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.enterprise.Qualification;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A qualification with how it stands today, so that the console can warn before one lapses. */
record QualificationView(Qualification qualification, Standing standing, long daysLeft) {

    static final int WARN_DAYS = 30;

    enum Standing {
        NOT_YET_VALID,
        VALID,
        EXPIRING,
        EXPIRED
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

    public boolean needsAttention() {
        return standing == Standing.EXPIRED || standing == Standing.EXPIRING;
    }
}
