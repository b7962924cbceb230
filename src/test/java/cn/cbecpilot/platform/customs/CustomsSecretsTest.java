package cn.cbecpilot.platform.customs;

import static cn.cbecpilot.platform.support.ShippedSettings.bound;
import static cn.cbecpilot.platform.support.ShippedSettings.inEmbeddedMode;
import static cn.cbecpilot.platform.support.ShippedSettings.outsideEmbeddedMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The development token customs pushes receipts with, and the demo signing key, are public in the source: only the
 * embedded mode, where the simulator stands in for the single window, runs with them.
 */
class CustomsSecretsTest {

    private final CustomsConfiguration configuration = new CustomsConfiguration();

    @Test
    void refusesTheShippedDevelopmentTokenOutsideEmbeddedMode() {
        MockEnvironment env = outsideEmbeddedMode();

        assertThatThrownBy(() -> configuration.inboundToken(shipped(env), env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("set CUSTOMS_INBOUND_TOKEN: the development token is for embedded mode only");
    }

    @Test
    void takesTheShippedDevelopmentTokenInEmbeddedMode() {
        MockEnvironment env = inEmbeddedMode();

        assertThat(configuration.inboundToken(shipped(env), env).matches("Bearer dev-customs-token"))
                .isTrue();
    }

    @Test
    void takesAConfiguredTokenOutsideEmbeddedMode() {
        MockEnvironment env = outsideEmbeddedMode().withProperty("CUSTOMS_INBOUND_TOKEN", "a-long-random-token");

        InboundToken token = configuration.inboundToken(shipped(env), env);

        assertThat(token.matches("Bearer a-long-random-token")).isTrue();
        assertThat(token.matches("Bearer dev-customs-token")).isFalse();
    }

    @Test
    void refusesToSignWithADemoKeyOutsideEmbeddedMode() {
        MockEnvironment env = outsideEmbeddedMode();

        assertThatThrownBy(() -> configuration.signingKey(shipped(env), env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("set CUSTOMS_SIGNING_KEY_STORE (PKCS#12 with the e-port signing key): demo keys are for"
                        + " embedded mode only");
    }

    @Test
    void signsWithADemoKeyInEmbeddedMode() {
        MockEnvironment env = inEmbeddedMode();

        assertThat(configuration
                        .signingKey(shipped(env), env)
                        .certificate()
                        .getSubjectX500Principal()
                        .getName())
                .contains("(demo)");
    }

    private static CustomsProperties shipped(MockEnvironment env) {
        return bound(env, "platform.customs", CustomsProperties.class);
    }
}
