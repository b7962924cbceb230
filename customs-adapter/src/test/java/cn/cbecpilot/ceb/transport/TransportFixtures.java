package cn.cbecpilot.ceb.transport;

import cn.cbecpilot.ceb.transport.HttpTransportSettings.BreakerSettings;
import cn.cbecpilot.ceb.transport.HttpTransportSettings.RateLimitSettings;
import cn.cbecpilot.ceb.transport.HttpTransportSettings.RetrySettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Messages and settings scaled down so that every resilience test finishes in well under a second. */
final class TransportFixtures {

    private TransportFixtures() {}

    static OutboundMessage message() {
        String guid = UUID.randomUUID().toString().toUpperCase();
        return new OutboundMessage(
                "CEB621Message", guid, ("<DxpMsg><Data>" + guid + "</Data></DxpMsg>").getBytes(StandardCharsets.UTF_8));
    }

    /** Three attempts 20 ms then 40 ms apart, a 1 s call timeout, a breaker over the last 4 calls. */
    static HttpTransportSettings fast(URI url) {
        return HttpTransportSettings.defaults(url)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1))
                .withRetry(new RetrySettings(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(100)))
                .withBreaker(new BreakerSettings(50, 4, 4, Duration.ofMinutes(1), 1))
                .withRateLimit(new RateLimitSettings(1000, Duration.ofSeconds(1), Duration.ZERO))
                .withMaxConcurrentCalls(8);
    }

    static HttpTransportSettings withoutRetry(HttpTransportSettings settings) {
        return settings.withRetry(new RetrySettings(1, Duration.ofMillis(20), 1.0, Duration.ofMillis(20)));
    }

    /** A local port nobody listens on, for connection-refused tests. */
    static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/ceb");
        }
    }
}
