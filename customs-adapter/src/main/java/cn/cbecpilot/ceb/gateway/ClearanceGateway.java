package cn.cbecpilot.ceb.gateway;

import cn.cbecpilot.ceb.dxp.DxpEnvelope;
import cn.cbecpilot.ceb.dxp.TransInfo;
import cn.cbecpilot.ceb.message.CebRequest;
import cn.cbecpilot.ceb.message.CebSchema;
import cn.cbecpilot.ceb.message.CebWriter;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.signature.CebSigner;
import cn.cbecpilot.ceb.signature.SignaturePlacement;
import cn.cbecpilot.ceb.transport.CustomsTransport;
import cn.cbecpilot.ceb.transport.OutboundMessage;
import cn.cbecpilot.ceb.xml.SafeXml;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;
import reactor.core.publisher.Mono;

/**
 * The outbound port: renders a request, signs it where customs requires it (621, 623, 625, 213),
 * validates it against the adapter's schema, wraps it in a DXP envelope and hands it to the
 * transport. Validation follows signing because the schema requires the signature on those types.
 * Thread-safe.
 */
public final class ClearanceGateway {

    private final GatewaySettings settings;
    private final CebSigner signer;
    private final CustomsTransport transport;
    private final Clock clock;
    private final CebWriter writer = new CebWriter();
    private final DxpEnvelope envelope = new DxpEnvelope();

    public ClearanceGateway(GatewaySettings settings, CebSigner signer, CustomsTransport transport, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Prepares and delivers the request. Fails with {@link cn.cbecpilot.ceb.xml.CebXmlException} when
     * the request is against the schema (a bug in the caller's mapping: sending again will not help),
     * and with the transport's {@link cn.cbecpilot.ceb.transport.DeliveryException}s otherwise.
     */
    public Mono<Submission> submit(CebRequest request) {
        return Mono.fromCallable(() -> prepare(request))
                .flatMap(prepared -> transport.deliver(prepared.outbound()).map(d -> new Submission(prepared, d)));
    }

    /** Everything but the delivery: for a caller that stores the message before sending it. */
    public PreparedMessage prepare(CebRequest request) {
        MessageType type = request.type();
        Document document = writer.render(request);
        if (type.requiresSignature()) {
            signer.sign(document, SignaturePlacement.forMessageType(type.rootName()));
        }
        CebSchema.validate(document);
        byte[] xml = SafeXml.serialize(document);
        TransInfo info = new TransInfo(
                request.guid(),
                settings.senderDxpId(),
                List.of(receiverOf(type)),
                LocalDateTime.now(clock.withZone(settings.zone())),
                type.rootName());
        OutboundMessage outbound = new OutboundMessage(type.rootName(), request.guid(), envelope.wrap(xml, info));
        return new PreparedMessage(type, request.guid(), new String(xml, StandardCharsets.UTF_8), outbound);
    }

    /** Delivers a message prepared earlier, e.g. by an outbox dispatcher after a restart. */
    public Mono<Submission> deliver(PreparedMessage prepared) {
        return transport.deliver(prepared.outbound()).map(d -> new Submission(prepared, d));
    }

    static String receiverOf(MessageType type) {
        return type.flow() == MessageType.Flow.EXPORT ? DxpEnvelope.EXPORT_RECEIVER : DxpEnvelope.IMPORT_RECEIVER;
    }
}
