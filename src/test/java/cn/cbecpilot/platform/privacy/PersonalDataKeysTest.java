package cn.cbecpilot.platform.privacy;

import static cn.cbecpilot.platform.support.ShippedSettings.bound;
import static cn.cbecpilot.platform.support.ShippedSettings.inEmbeddedMode;
import static cn.cbecpilot.platform.support.ShippedSettings.outsideEmbeddedMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo data key is public in the source: only the embedded mode seals personal data with it. */
class PersonalDataKeysTest {

    private static final String REFUSAL =
            "set PLATFORM_DATA_KEYS and PLATFORM_DATA_KEY_ID: the demo data key is for embedded mode only";
    private static final String OWN_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void refusesTheShippedDemoKeyOutsideEmbeddedMode() {
        MockEnvironment env = outsideEmbeddedMode();

        assertThatThrownBy(() -> new PersonalData(shipped(env), env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(REFUSAL);
    }

    @Test
    void refusesTheDemoKeyUnderAnotherIdOutsideEmbeddedMode() {
        MockEnvironment env = outsideEmbeddedMode();
        var renamed = new PrivacyProperties("k1:" + demoKey(env), "k1");

        assertThatThrownBy(() -> new PersonalData(renamed, env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(REFUSAL);
    }

    @Test
    void sealsWithTheShippedDemoKeyInEmbeddedMode() {
        MockEnvironment env = inEmbeddedMode();

        PersonalData data = new PersonalData(shipped(env), env);

        assertThat(data.open(data.seal("11010519491231002X"))).isEqualTo("11010519491231002X");
    }

    @Test
    void sealsWithAConfiguredKeyOutsideEmbeddedModeKeepingTheDemoKeyToOpenOldValues() {
        MockEnvironment demo = inEmbeddedMode();
        String sealedInTheDemo = new PersonalData(shipped(demo), demo).seal("张三");
        MockEnvironment env = outsideEmbeddedMode();
        var rotated = new PrivacyProperties("demo:" + demoKey(env) + ",k1:" + OWN_KEY, "k1");

        PersonalData data = new PersonalData(rotated, env);

        assertThat(data.open(sealedInTheDemo)).isEqualTo("张三");
        assertThat(data.seal("张三")).startsWith("pd1:k1:");
    }

    private static PrivacyProperties shipped(MockEnvironment env) {
        return bound(env, "platform.privacy", PrivacyProperties.class);
    }

    private static String demoKey(MockEnvironment env) {
        String ring = shipped(env).dataKeys();
        return ring.substring(ring.indexOf(':') + 1);
    }
}
