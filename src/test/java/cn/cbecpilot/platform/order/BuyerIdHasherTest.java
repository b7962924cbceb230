package cn.cbecpilot.platform.order;

import static cn.cbecpilot.platform.support.ShippedSettings.bound;
import static cn.cbecpilot.platform.support.ShippedSettings.inEmbeddedMode;
import static cn.cbecpilot.platform.support.ShippedSettings.outsideEmbeddedMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.platform.config.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The demo ID-hash key is public in the source, and with it anyone could test guessed IDs against the quota table:
 * only the embedded mode hashes with it.
 */
class BuyerIdHasherTest {

    private static final String ID = "11010519491231002X";

    @Test
    void refusesTheShippedDemoKeyOutsideEmbeddedMode() {
        MockEnvironment env = outsideEmbeddedMode();

        assertThatThrownBy(() -> new BuyerIdHasher(shipped(env), env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("set PLATFORM_ID_HASH_KEY: the demo key is for embedded mode only");
    }

    @Test
    void hashesWithTheShippedDemoKeyInEmbeddedMode() {
        MockEnvironment env = inEmbeddedMode();

        assertThat(new BuyerIdHasher(shipped(env), env).hash(ID)).hasSize(64).doesNotContain("110105");
    }

    @Test
    void hashesWithAConfiguredKeyOutsideEmbeddedModeDifferentlyFromTheDemoKey() {
        MockEnvironment demo = inEmbeddedMode();
        MockEnvironment env = outsideEmbeddedMode().withProperty("PLATFORM_ID_HASH_KEY", "an-operator's-own-key");

        String hashed = new BuyerIdHasher(shipped(env), env).hash(ID);

        assertThat(hashed).isNotEqualTo(new BuyerIdHasher(shipped(demo), demo).hash(ID));
    }

    private static PlatformProperties shipped(MockEnvironment env) {
        return bound(env, "platform", PlatformProperties.class);
    }
}
