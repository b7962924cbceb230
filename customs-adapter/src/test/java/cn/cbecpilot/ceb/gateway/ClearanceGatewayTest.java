package cn.cbecpilot.ceb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.dxp.DxpEnvelope;
import cn.cbecpilot.ceb.message.CebRequest;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.Parcel;
import cn.cbecpilot.ceb.signature.CebSignatureVerifier;
import cn.cbecpilot.ceb.signature.CebSigner;
import cn.cbecpilot.ceb.signature.DemoKeys;
import cn.cbecpilot.ceb.signature.SignatureAlgorithm;
import cn.cbecpilot.ceb.signature.SignatureVerification;
import cn.cbecpilot.ceb.signature.SigningKey;
import cn.cbecpilot.ceb.transport.CustomsTransport;
import cn.cbecpilot.ceb.transport.DeliveryReceipt;
import cn.cbecpilot.ceb.transport.OutboundMessage;
import cn.cbecpilot.ceb.xml.CebXmlException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ClearanceGatewayTest {

    static final SigningKey KEY = DemoKeys.generate(SignatureAlgorithm.SM2_SM3, "gateway-test");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T02:15:30Z"), ZoneOffset.UTC);

    private final List<OutboundMessage> delivered = new CopyOnWriteArrayList<>();
    private final CustomsTransport recording = message -> Mono.fromSupplier(() -> {
        delivered.add(message);
        return new DeliveryReceipt(message.guid(), CLOCK.instant(), "recorded");
    });
    private final ClearanceGateway gateway =
            new ClearanceGateway(new GatewaySettings("DXPENT0000012345"), new CebSigner(KEY), recording, CLOCK);

    @Test
    void signsTheInventoryListAndTheSignatureVerifiesAfterTheTrip() {
        StepVerifier.create(gateway.submit(Parcel.of("ORD1", "COP1").inventory()))
                .assertNext(submission ->
                        assertThat(submission.delivery().reference()).isEqualTo("recorded"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        DxpEnvelope.Unwrapped sent = new DxpEnvelope().unwrap(delivered.get(0).payload());
        SignatureVerification verification =
                CebSignatureVerifier.trusting(List.of(KEY.certificate())).verify(sent.message());
        assertThat(verification.valid()).as(verification.reason()).isTrue();
        assertThat(sent.transInfo().orElseThrow().receiverIds()).containsExactly(DxpEnvelope.IMPORT_RECEIVER);
        assertThat(delivered.get(0).messageType()).isEqualTo("CEB621Message");
    }

    @ParameterizedTest
    @EnumSource(
            value = MessageType.class,
            names = {"CEB311", "CEB411", "CEB511", "CEB621", "CEB623", "CEB625", "CEB711", "CEB213", "CEB215"})
    void signsExactlyTheTypesCustomsRequiresSignedAndRoutesByFlow(MessageType type) {
        CebRequest request = Parcel.of("ORD1", "COP1").allRequests().stream()
                .filter(r -> r.type() == type)
                .findFirst()
                .orElseThrow();

        PreparedMessage prepared = gateway.prepare(request);

        assertThat(prepared.xml().contains("<ds:Signature") || prepared.xml().contains(":Signature"))
                .isEqualTo(type.requiresSignature());
        String receiver =
                type.flow() == MessageType.Flow.EXPORT ? DxpEnvelope.EXPORT_RECEIVER : DxpEnvelope.IMPORT_RECEIVER;
        assertThat(new DxpEnvelope()
                        .unwrap(prepared.outbound().payload())
                        .transInfo()
                        .orElseThrow())
                .satisfies(info -> {
                    assertThat(info.receiverIds()).containsExactly(receiver);
                    assertThat(info.copMsgId()).isEqualTo(request.guid());
                    assertThat(info.creatTime()).hasToString("2026-12-03T10:15:30");
                    assertThat(info.msgType()).isEqualTo(type.rootName());
                });
    }

    @Test
    void refusesARequestAgainstTheSchemaWithoutDeliveringIt() {
        Parcel parcel = Parcel.of("ORD1", "COP-NUMBER-FAR-TOO-LONG-FOR-THE-SCHEMA");

        StepVerifier.create(gateway.submit(parcel.inventory()))
                .expectError(CebXmlException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(delivered).isEmpty();
    }
}
