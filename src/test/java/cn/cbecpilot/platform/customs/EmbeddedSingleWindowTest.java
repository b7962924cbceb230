package cn.cbecpilot.platform.customs;

import static cn.cbecpilot.platform.support.ShippedSettings.bound;
import static cn.cbecpilot.platform.support.ShippedSettings.inEmbeddedMode;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.simulator.Scenario;
import cn.cbecpilot.ceb.simulator.SimulatorSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** How the simulator inside the platform is set up from the platform's settings. */
class EmbeddedSingleWindowTest {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/customs/receipts");

    @Test
    void releasesWhatItIsSentAndPushesItsReceiptsBackAsShipped() {
        SimulatorSettings settings = settings(inEmbeddedMode());

        assertThat(settings.defaultScenario()).isEqualTo(Scenario.ACCEPT_RELEASE);
        assertThat(settings.receiptDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.callbackUrl()).contains(CALLBACK);
        assertThat(settings.queueReceipts()).isFalse();
    }

    @Test
    void answersWithTheScenarioItIsGiven() {
        MockEnvironment env = inEmbeddedMode();
        env.setProperty("CUSTOMS_SIMULATOR_SCENARIO", "DROPPED_RECEIPTS");

        assertThat(settings(env).defaultScenario()).isEqualTo(Scenario.DROPPED_RECEIPTS);
    }

    private static SimulatorSettings settings(MockEnvironment env) {
        CustomsProperties properties = bound(env, "platform.customs", CustomsProperties.class);
        return new EmbeddedSingleWindow(properties, Clock.systemUTC()).settings(CALLBACK);
    }
}
