package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.ClearanceGateway;
import cn.cbecpilot.ceb.gateway.GatewaySettings;
import cn.cbecpilot.ceb.gateway.ReceiptIntake;
import cn.cbecpilot.ceb.signature.CebSigner;
import cn.cbecpilot.ceb.signature.DemoKeys;
import cn.cbecpilot.ceb.signature.SignatureAlgorithm;
import cn.cbecpilot.ceb.signature.SigningKey;
import cn.cbecpilot.ceb.signature.SigningKeys;
import cn.cbecpilot.ceb.transport.CustomsTransport;
import cn.cbecpilot.ceb.transport.FileDropOutbox;
import cn.cbecpilot.ceb.transport.FileDropSettings;
import cn.cbecpilot.ceb.transport.HttpCustomsTransport;
import cn.cbecpilot.ceb.transport.HttpTransportSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the customs adapter: the signing key, the transport (HTTP to the single window or file drop), the outbound
 * gateway and the receipt intake. Outside the embedded mode every secret must be configured; in it, a demo key is
 * created once in the data directory and the embedded simulator stands in for the single window.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CustomsProperties.class)
class CustomsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CustomsConfiguration.class);
    private static final String DEMO_PASSWORD = "embedded-demo";

    @Bean
    InboundToken inboundToken(CustomsProperties properties, Environment env) {
        if (!embedded(env) && "dev-customs-token".equals(properties.inboundToken())) {
            throw new IllegalStateException(
                    "set CUSTOMS_INBOUND_TOKEN: the development token is for embedded mode only");
        }
        return new InboundToken(properties.inboundToken());
    }

    @Bean
    SigningKey signingKey(CustomsProperties properties, Environment env) {
        var signing = properties.signing();
        var algorithm = SignatureAlgorithm.valueOf(signing.algorithm());
        if (signing.keyStore() != null && !signing.keyStore().isBlank()) {
            char[] password = signing.password() == null
                    ? new char[0]
                    : signing.password().toCharArray();
            return SigningKeys.fromPkcs12(Path.of(signing.keyStore()), password, signing.alias());
        }
        if (!embedded(env)) {
            throw new IllegalStateException("set CUSTOMS_SIGNING_KEY_STORE (PKCS#12 with the e-port signing key): demo"
                    + " keys are for embedded mode only");
        }
        String dataDir = env.getProperty("PLATFORM_DATA_DIR", env.getProperty("platform.data-dir", "./data"));
        if (dataDir.isBlank()) {
            return DemoKeys.generate(algorithm, "CBEC pilot platform (demo)");
        }
        Path file = Path.of(dataDir, "customs-signing-demo.p12");
        log.warn(
                "Embedded mode: customs messages are signed with the demo key in {}; the real single window would"
                        + " refuse it",
                file);
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + file.getParent(), e);
        }
        return DemoKeys.loadOrCreate(
                file, DEMO_PASSWORD.toCharArray(), signing.alias(), algorithm, "CBEC pilot platform (demo)");
    }

    @Bean
    CebSigner cebSigner(SigningKey key) {
        return new CebSigner(key);
    }

    @Bean
    CustomsTransport customsTransport(
            CustomsProperties properties,
            ObjectProvider<EmbeddedSingleWindow> simulator,
            WebClient.Builder builder,
            Clock clock) {
        if (properties.transport() == CustomsProperties.Transport.FILE_DROP) {
            return new FileDropOutbox(FileDropSettings.under(Path.of(properties.fileDropRoot())), clock);
        }
        URI url = properties.singleWindowUrl() == null
                        || properties.singleWindowUrl().isBlank()
                ? simulator.getObject().messagesUrl()
                : URI.create(properties.singleWindowUrl());
        return new HttpCustomsTransport(properties.http().applyTo(HttpTransportSettings.defaults(url)), builder, clock);
    }

    @Bean
    ClearanceGateway clearanceGateway(
            CustomsProperties properties, CebSigner signer, CustomsTransport transport, Clock clock) {
        return new ClearanceGateway(new GatewaySettings(properties.senderDxpId()), signer, transport, clock);
    }

    @Bean
    ReceiptIntake receiptIntake(ReceiptRecording recording) {
        return new ReceiptIntake(recording);
    }

    private static boolean embedded(Environment env) {
        return env.getProperty("platform.embedded", Boolean.class, false);
    }
}
