package cn.cbecpilot.ceb.message;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The spec's value formats. Times are Beijing local times without a zone, as customs writes them.
 */
public final class CebFormats {

    /** {@code appTime}, {@code payTime}: 14 digits. */
    public static final DateTimeFormatter APP_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    /** {@code returnTime}: 17 digits, milliseconds included. */
    public static final DateTimeFormatter RETURN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

    /** {@code declTime}, {@code ieDate}: 8 digits. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private CebFormats() {}

    /** A message guid as the spec asks for it: 36 characters, upper-case. */
    public static String newGuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    static Optional<LocalDateTime> returnTime(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, RETURN_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
