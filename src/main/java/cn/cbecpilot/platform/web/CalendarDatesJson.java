package cn.cbecpilot.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A date in a JSON request is a calendar date of years 1900 to 9999: ISO 8601's signed and five-digit years
 * ({@code -0005-01-01}, {@code +99999-01-01}) name no expiry, validity or declaration, and PostgreSQL would store the
 * first shifted by its count of years before Christ.
 */
@Configuration(proxyBeanMethods = false)
class CalendarDatesJson {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    @Bean
    Module calendarDatesOnly() {
        return new SimpleModule("calendar-dates-only").addDeserializer(LocalDate.class, new CalendarDate());
    }

    private static final class CalendarDate extends StdScalarDeserializer<LocalDate> {

        CalendarDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
                throw new InvalidFormatException(
                        p, "a date between " + FIRST_YEAR + " and " + LAST_YEAR + ", please", date, LocalDate.class);
            }
            return date;
        }
    }
}
