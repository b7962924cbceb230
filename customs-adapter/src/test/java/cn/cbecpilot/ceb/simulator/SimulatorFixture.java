package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.gateway.ClearanceGateway;
import cn.cbecpilot.ceb.gateway.GatewaySettings;
import cn.cbecpilot.ceb.signature.CebSigner;
import cn.cbecpilot.ceb.signature.DemoKeys;
import cn.cbecpilot.ceb.signature.SignatureAlgorithm;
import cn.cbecpilot.ceb.transport.HttpCustomsTransport;
import cn.cbecpilot.ceb.transport.HttpTransportSettings;
import cn.cbecpilot.ceb.transport.HttpTransportSettings.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;

/** A gateway over the real HTTP transport, pointed at a simulator. */
final class SimulatorFixture {

    static final CebSigner SIGNER = new CebSigner(DemoKeys.generate(SignatureAlgorithm.RSA_SHA1, "simulator-test"));

    private SimulatorFixture() {}

    static HttpCustomsTransport transport(SingleWindowSimulator simulator, Duration callTimeout) {
        return new HttpCustomsTransport(
                HttpTransportSettings.defaults(simulator.submitUrl())
                        .withTimeouts(Duration.ofSeconds(1), callTimeout)
                        .withRetry(new RetrySettings(2, Duration.ofMillis(20), 2.0, Duration.ofMillis(50))),
                WebClient.builder(),
                Clock.systemUTC());
    }

    static ClearanceGateway gateway(SingleWindowSimulator simulator) {
        return gateway(simulator, Duration.ofSeconds(15));
    }

    static ClearanceGateway gateway(SingleWindowSimulator simulator, Duration callTimeout) {
        return new ClearanceGateway(
                new GatewaySettings("DXPENT0000012345"), SIGNER, transport(simulator, callTimeout), Clock.systemUTC());
    }
}
