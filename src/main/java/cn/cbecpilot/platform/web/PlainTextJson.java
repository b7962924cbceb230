package cn.cbecpilot.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text in a JSON request carries no control characters other than tab and line breaks: no name, code, number or
 * address has one, and PostgreSQL refuses a NUL outright, which would otherwise surface as a server failure.
 */
@Configuration(proxyBeanMethods = false)
class PlainTextJson {

    static final String REASON = "control characters are not allowed in text";

    @Bean
    Module plainTextOnly() {
        return new SimpleModule("plain-text-only").addDeserializer(String.class, new PlainText());
    }

    static boolean isControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static final class PlainText extends StdScalarDeserializer<String> {

        private final JsonDeserializer<String> strings = StringDeserializer.instance;

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = strings.deserialize(p, ctxt);
            if (text != null && isControl(text)) {
                throw new InvalidFormatException(p, REASON, text, String.class);
            }
            return text;
        }
    }
}
