package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.dxp.DxpEnvelope;
import cn.cbecpilot.ceb.dxp.TransInfo;
import cn.cbecpilot.ceb.message.CebFormats;
import cn.cbecpilot.ceb.message.CebSchema;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.signature.CebSignatureVerifier;
import cn.cbecpilot.ceb.signature.SignatureVerification;
import cn.cbecpilot.ceb.xml.CebXmlException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;

/**
 * Takes one posted DXP envelope: refuses what is not a readable request (HTTP 400), answers a request
 * against the schema with a CEB900, and otherwise files each document, runs the checks and schedules
 * the receipts its scenario calls for. The HTTP answer only says the message was taken over.
 */
final class Submissions {

    record Answer(int status, String body, Scenario scenario) {}

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SimulatorSettings settings;
    private final ReceiptOutlet outlet;
    private final Clock clock;
    private static final int BURST_LENGTH = 1;

    private final Map<String, Integer> refusedDeliveries = new ConcurrentHashMap<>();
    private final Filed filed = new Filed();
    private final ReceiptFactory receipts = new ReceiptFactory(filed);
    private final DxpEnvelope envelope = new DxpEnvelope();
    private final CebSignatureVerifier verifier = CebSignatureVerifier.trustingEmbeddedCertificate();

    Submissions(SimulatorSettings settings, ReceiptOutlet outlet, Clock clock) {
        this.settings = settings;
        this.outlet = outlet;
        this.clock = clock;
    }

    Answer take(byte[] body) {
        DxpEnvelope.Unwrapped unwrapped;
        try {
            unwrapped = envelope.unwrap(body);
        } catch (CebXmlException e) {
            return new Answer(400, e.getMessage(), settings.defaultScenario());
        }
        Element root = unwrapped.document().getDocumentElement();
        Optional<MessageType> type = MessageType.ofRootName(root.getLocalName())
                .filter(t ->
                        !t.isReceipt() && Received.handles(t) && MessageType.NAMESPACE.equals(root.getNamespaceURI()));
        if (type.isEmpty() || unwrapped.transInfo().isEmpty()) {
            return new Answer(
                    400, "not a DxpMsg carrying a CEB request this simulator handles", settings.defaultScenario());
        }
        TransInfo info = unwrapped.transInfo().get();
        List<Received> documents = Received.from(type.get(), info.senderId(), root);
        Scenario scenario = documents.stream()
                .map(d -> Scenario.markedBy(d.key()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(settings.defaultScenario());
        if (scenario == Scenario.SERVER_ERROR) {
            return new Answer(503, "single window unavailable", scenario);
        }
        if (scenario == Scenario.BURST && refusedDeliveries.merge(info.copMsgId(), 1, Integer::sum) <= BURST_LENGTH) {
            return new Answer(503, "single window unavailable for a moment", scenario);
        }
        try {
            CebSchema.validate(unwrapped.document());
        } catch (CebXmlException e) {
            send(info.copMsgId(), receipts.schemaFailure(info, e, now()), MessageType.CEB900, info.senderId(), 1, true);
            return new Answer(200, "taken over; schema check failed, see CEB900", scenario);
        }
        Optional<String> signature = signatureProblem(type.get(), unwrapped);
        documents.forEach(d -> respond(d, scenario, signature));
        return new Answer(200, "taken over " + info.copMsgId(), scenario);
    }

    private void respond(Received document, Scenario scenario, Optional<String> signatureProblem) {
        Optional<String> rejection = signatureProblem.or(() -> Inspection.check(document, filed));
        filed.file(document);
        List<Step> steps = Verdicts.steps(document.type(), scenario, rejection);
        givesQuotaBack(document, steps);
        for (int i = 0; i < steps.size(); i++) {
            byte[] receipt = receipts.receipt(document, steps.get(i), now());
            send(
                    document.key(),
                    receipt,
                    steps.get(i).type(),
                    document.senderId(),
                    i + 1,
                    scenario != Scenario.DROPPED_RECEIPTS);
        }
    }

    private Optional<String> signatureProblem(MessageType type, DxpEnvelope.Unwrapped unwrapped) {
        if (!type.requiresSignature()) {
            return Optional.empty();
        }
        SignatureVerification verification = verifier.verify(unwrapped.document());
        return verification.valid()
                ? Optional.empty()
                : Optional.of("[Code:-621029;Desc:签名验证失败 " + verification.reason() + "]");
    }

    /**
     * A list rejected (here or by the scenario), cancelled or returned no longer counts toward its buyer's year; a
     * refused cancellation or return leaves it counted.
     */
    private void givesQuotaBack(Received document, List<Step> steps) {
        boolean refused = steps.stream()
                .anyMatch(s -> s.status().equals("100") || s.status().startsWith("-"));
        boolean list = document.type() == MessageType.CEB621;
        boolean cancelOrReturn = document.type() == MessageType.CEB623 || document.type() == MessageType.CEB625;
        if ((list && refused) || (cancelOrReturn && !refused)) {
            filed.credit(document.get("copNo"));
        }
    }

    /**
     * Sends the receipt in its own envelope, from the customs node to the request's sender, {@code step} delays later,
     * after the earlier receipts of the same declaration; pushed only when {@code push}, queued for polling anyway.
     */
    private void send(String declaration, byte[] receipt, MessageType type, String receiver, int step, boolean push) {
        String sender =
                type.flow() == MessageType.Flow.EXPORT ? DxpEnvelope.EXPORT_RECEIVER : DxpEnvelope.IMPORT_RECEIVER;
        TransInfo out = new TransInfo(CebFormats.newGuid(), sender, List.of(receiver), now(), type.rootName());
        outlet.sendLater(
                declaration,
                envelope.wrap(receipt, out),
                settings.receiptDelay().multipliedBy(step),
                push);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(BEIJING));
    }
}
