package cn.cbecpilot.platform.web;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's field messages are English whatever language the machine runs in: Bean Validation would otherwise word
 * its standard messages ("must not be null") in the JVM's default language, beside the platform's own English ones.
 * Pages word their messages from their own bundles.
 */
@Configuration(proxyBeanMethods = false)
class EnglishValidationMessages {

    @Bean
    ValidationConfigurationCustomizer englishMessages() {
        return configuration -> {
            MessageInterpolator standard = configuration.getDefaultMessageInterpolator();
            configuration.messageInterpolator(new MessageInterpolator() {
                @Override
                public String interpolate(String template, Context context) {
                    return standard.interpolate(template, context, Locale.ENGLISH);
                }

                @Override
                public String interpolate(String template, Context context, Locale locale) {
                    return standard.interpolate(template, context, Locale.ENGLISH);
                }
            });
        };
    }
}
