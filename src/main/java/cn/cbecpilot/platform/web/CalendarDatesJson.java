package cn.cbecpilot.platform.web;

import cn.cbecpilot.platform.shared.CalendarDays;
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

/** A date in a JSON request is one of the {@link CalendarDays} the platform takes ({@code -0005-01-01} is not). */
@Configuration(proxyBeanMethods = false)
class CalendarDatesJson {

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
            if (date != null && !CalendarDays.inUse(date)) {
                throw new InvalidFormatException(
                        p,
                        "a date between " + CalendarDays.FIRST_YEAR + " and " + CalendarDays.LAST_YEAR + ", please",
                        date,
                        LocalDate.class);
            }
            return date;
        }
    }
}
