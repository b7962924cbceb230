package cn.cbecpilot.ceb.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.ceb.transport.HttpTransportSettings.BreakerSettings;
import cn.cbecpilot.ceb.transport.HttpTransportSettings.RetrySettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpTransportSettingsTest {

    private static final URI URL = URI.create("https://swapp.example/ceb");

    @Test
    void defaultsAreValidAndRetryTransientFaults() {
        HttpTransportSettings settings = HttpTransportSettings.defaults(URL);

        assertThat(settings.retry().maxAttempts()).isGreaterThan(1);
        assertThat(settings.callTimeout()).isGreaterThan(settings.connectTimeout());
    }

    @Test
    void refusesANonHttpUrl() {
        assertThatThrownBy(() -> HttpTransportSettings.defaults(URI.create("ftp://swapp.example/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https");
    }

    @Test
    void refusesZeroAttempts() {
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(2)))
                .hasMessageContaining("retry.maxAttempts");
    }

    @Test
    void refusesMaximumBackoffBelowTheInitialOne() {
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ofSeconds(5), 2, Duration.ofSeconds(1)))
                .hasMessageContaining("retry.maxBackoff");
    }

    @Test
    void refusesAFailureRateAboveOneHundredPercent() {
        assertThatThrownBy(() -> new BreakerSettings(120, 10, 5, Duration.ofSeconds(1), 1))
                .hasMessageContaining("breaker.failureRatePercent");
    }

    @Test
    void refusesAZeroCallTimeout() {
        assertThatThrownBy(() -> HttpTransportSettings.defaults(URL).withTimeouts(Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("callTimeout");
    }
}
