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
 * Text in a JSON request carries no control characters other than tab, line breaks and the separators of scanned
 * codes: no name, number or address has one, and PostgreSQL refuses a NUL outright, which would otherwise surface as
 * a server failure.
 */
@Configuration(proxyBeanMethods = false)
class PlainTextJson {

    static final String REASON = "control characters are not allowed in text";

    /**
     * Tab and line breaks, and the separators a scanner passes on from a traceability code: GS (FNC1 between GS1
     * element strings), RS and EOT (the ISO/IEC 15434 envelope around them).
     */
    private static final java.util.BitSet ALLOWED = java.util.BitSet.valueOf(
            new long[] {(1L << '\t') | (1L << '\n') | (1L << '\r') | (1L << 0x1D) | (1L << 0x1E) | (1L << 0x04)});

    @Bean
    Module plainTextOnly() {
        return new SimpleModule("plain-text-only").addDeserializer(String.class, new PlainText());
    }

    static boolean isControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && !ALLOWED.get(c)) || c == 0x7F) {
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
