package cn.cbecpilot.ceb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void runsOnLoopbackPort8090PollOnlyWithoutConfiguration() {
        SimulatorSettings settings = SimulatorMain.settings(Map.of());

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8090);
        assertThat(settings.callbackUrl()).isEmpty();
        assertThat(settings.queueReceipts()).isTrue();
        assertThat(settings.defaultScenario()).isEqualTo(Scenario.ACCEPT_RELEASE);
    }

    @Test
    void readsListenAddressDelayCallbackAndScenarioFromTheEnvironment() {
        SimulatorSettings settings = SimulatorMain.settings(Map.of(
                "SIMULATOR_BIND", "0.0.0.0",
                "SIMULATOR_PORT", "9000",
                "SIMULATOR_RECEIPT_DELAY_MS", "0",
                "SIMULATOR_CALLBACK_URL", "http://app:8080/customs/receipts",
                "SIMULATOR_CALLBACK_TOKEN", "secret",
                "SIMULATOR_QUEUE", "false",
                "SIMULATOR_SCENARIO", "INSPECT_RELEASE"));

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.receiptDelay()).isEqualTo(Duration.ZERO);
        assertThat(settings.callbackUrl()).contains(URI.create("http://app:8080/customs/receipts"));
        assertThat(settings.callbackToken()).isEqualTo("secret");
        assertThat(settings.queueReceipts()).isFalse();
        assertThat(settings.defaultScenario()).isEqualTo(Scenario.INSPECT_RELEASE);
    }

    @Test
    void refusesSettingsThatWouldDeliverReceiptsNowhere() {
        assertThatThrownBy(() -> SimulatorMain.settings(Map.of("SIMULATOR_QUEUE", "false")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void picksTheScenarioFromTheNumbersSuffixCaseInsensitively() {
        assertThat(Scenario.markedBy("cop123-rej")).contains(Scenario.REJECT);
        assertThat(Scenario.markedBy("COP123")).isEmpty();
    }
}
