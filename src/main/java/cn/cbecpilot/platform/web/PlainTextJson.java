package cn.cbecpilot.platform.web;

import cn.cbecpilot.platform.shared.PlainText;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
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
 * Text in a JSON request is {@link PlainText}: a text field with a character no text field takes is malformed (400).
 * Scanned traceability codes ({@code codes}) may carry the separators a scanner passes on.
 */
@Configuration(proxyBeanMethods = false)
class PlainTextJson {

    private static final String CODES = "codes";

    @Bean
    Module plainTextOnly() {
        return new SimpleModule("plain-text-only").addDeserializer(String.class, new PlainTextOnly());
    }

    /** Whether the string being read is a scanned code: an element of, or the value of, a field named codes. */
    private static boolean scanned(JsonParser p) {
        for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
            if (c.getCurrentName() != null) {
                return CODES.equals(c.getCurrentName());
            }
        }
        return false;
    }

    private static final class PlainTextOnly extends StdScalarDeserializer<String> {

        private final JsonDeserializer<String> strings = StringDeserializer.instance;

        PlainTextOnly() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = strings.deserialize(p, ctxt);
            if (text != null && (scanned(p) ? PlainText.refusedInCode(text) : PlainText.refused(text))) {
                throw new InvalidFormatException(p, PlainText.REASON, text, String.class);
            }
            return text;
        }
    }
}
