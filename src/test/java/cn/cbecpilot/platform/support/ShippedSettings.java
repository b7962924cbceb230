package cn.cbecpilot.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The platform's settings as shipped in {@code application.yml}, with no variable set, so every placeholder takes its
 * default: what a platform started without configuration would run with. Unit tests construct beans from them, with
 * no Spring context, to check that the defaults meant for the embedded demo are refused outside it.
 */
public final class ShippedSettings {

    private ShippedSettings() {}

    /** The shipped settings against an external database: {@code platform.embedded} unset, as there. */
    public static MockEnvironment outsideEmbeddedMode() {
        MockEnvironment env = new MockEnvironment();
        try {
            new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(env.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    /** The shipped settings as the embedded mode runs them, with a throwaway data directory. */
    public static MockEnvironment inEmbeddedMode() {
        return outsideEmbeddedMode().withProperty("platform.embedded", "true").withProperty("platform.data-dir", "");
    }

    /** The settings under {@code prefix} bound to {@code type}, as {@code @ConfigurationProperties} binds them. */
    public static <T> T bound(ConfigurableEnvironment env, String prefix, Class<T> type) {
        return Binder.get(env).bind(prefix, type).get();
    }
}
