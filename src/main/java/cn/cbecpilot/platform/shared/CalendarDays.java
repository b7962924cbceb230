package cn.cbecpilot.platform.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The dates the platform takes: calendar dates of years 1900 to 9999. ISO 8601's signed and five-digit years name no
 * expiry, validity or declaration, and PostgreSQL would store a year before Christ shifted by its count.
 */
public final class CalendarDays {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    private CalendarDays() {}

    public static boolean inUse(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    /** The day typed as {@code yyyy-MM-dd} (a date field's value), or null when it is none the platform takes. */
    public static LocalDate typed(String text) {
        try {
            LocalDate date = LocalDate.parse(text == null ? "" : text.strip());
            return inUse(date) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
