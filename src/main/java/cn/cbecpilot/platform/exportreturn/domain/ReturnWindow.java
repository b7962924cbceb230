package cn.cbecpilot.platform.exportreturn.domain;

import java.time.LocalDate;

/**
 * The one-year window of GACC 2020 No.44, counted in China calendar days from the export release day: goods released
 * on 10 January 2026 may arrive up to and including 10 January 2027 (the 365th day after), not on the 366th. A year
 * that holds 29 February is one day longer, as a calendar year is; a release on 29 February ends on 28 February.
 */
public final class ReturnWindow {

    private ReturnWindow() {}

    public static LocalDate lastArrivalDay(LocalDate released) {
        return released.plusYears(1);
    }

    public static boolean allows(LocalDate released, LocalDate day) {
        return !day.isBefore(released) && !day.isAfter(lastArrivalDay(released));
    }

    /** Goods back within six months of their export are exempt from import duty, VAT and consumption tax. */
    public static boolean taxExempt(LocalDate released, LocalDate arrival) {
        return !arrival.isAfter(released.plusMonths(6));
    }
}
