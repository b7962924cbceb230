package cn.cbecpilot.ceb.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.dxp.TransInfo;
import cn.cbecpilot.ceb.message.CebRequest;
import cn.cbecpilot.ceb.message.CebSchema;
import cn.cbecpilot.ceb.message.CebWriter;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.OfficialSchemas;
import cn.cbecpilot.ceb.message.Parcel;
import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Every receipt the simulated customs writes, written as it writes them (from the requests of one parcel, in every
 * scenario and with a rejection), checked against the official 2022 XSDs rather than only the adapter's own schema.
 */
class ReceiptConformanceTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 3, 10, 15, 30, 123_000_000);
    /** The longest rejection the simulator's checks write. */
    private static final String REJECTION = "[Code:1328;Desc:支付金额与订单实付金额不一致 amountPaid 99999.99 != acturalPaid 290.37]";

    static Stream<Arguments> receipts() {
        Filed filed = new Filed();
        List<Received> documents = parcelAsCustomsReceivesIt();
        documents.forEach(filed::file);
        ReceiptFactory factory = new ReceiptFactory(filed);
        Map<String, Arguments> cases = new LinkedHashMap<>();
        for (Received document : documents) {
            for (Step step : everyStepOf(document.type())) {
                String name = step.type() + " " + step.status() + " answering " + document.type();
                cases.computeIfAbsent(name, n -> Arguments.of(n, step.type(), factory.receipt(document, step, NOW)));
            }
        }
        cases.put("CEB900 schema failure", Arguments.of("CEB900", MessageType.CEB900, schemaFailure(factory)));
        return cases.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receipts")
    void everyReceiptTheSimulatorWritesMeetsTheOfficialSchema(String name, MessageType type, byte[] xml)
            throws Exception {
        Document document = SafeXml.parse(xml, XmlLimits.DEFAULT);

        OfficialSchemas.validate(type, document);
        assertThat(document.getDocumentElement().getLocalName()).as(name).isEqualTo(type.rootName());
    }

    @Test
    void theCasesCoverEveryReceiptType() {
        Set<MessageType> covered = receipts().map(a -> (MessageType) a.get()[1]).collect(Collectors.toSet());

        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(MessageType.values())
                        .filter(MessageType::isReceipt)
                        .toList());
    }

    private static List<Step> everyStepOf(MessageType request) {
        Stream<Step> byScenario =
                Arrays.stream(Scenario.values()).flatMap(s -> Verdicts.steps(request, s, Optional.empty()).stream());
        Stream<Step> rejected = Verdicts.steps(request, Scenario.ACCEPT_RELEASE, Optional.of(REJECTION)).stream();
        return Stream.concat(byScenario, rejected).toList();
    }

    private static List<Received> parcelAsCustomsReceivesIt() {
        // the platform sends its 20-character order number as the copNo too
        CebWriter writer = new CebWriter();
        return Parcel.of("CB261203004711223344", "CB261203004711223344").allRequests().stream()
                .filter(r -> Received.handles(r.type()))
                .flatMap(r -> Received.from(r.type(), "DXPENT0000012345", root(writer, r)).stream())
                .toList();
    }

    private static org.w3c.dom.Element root(CebWriter writer, CebRequest request) {
        return writer.render(request).getDocumentElement();
    }

    /** What the simulator answers to a list whose copNo is longer than the schema allows. */
    private static byte[] schemaFailure(ReceiptFactory factory) {
        Document list = new CebWriter().render(Parcel.of("ORD1", "COP1").inventory());
        list.getElementsByTagNameNS(MessageType.NAMESPACE, "copNo").item(0).setTextContent("C".repeat(5000));
        try {
            CebSchema.validate(list);
            throw new AssertionError("the broken list passed the schema");
        } catch (CebXmlException e) {
            TransInfo info = new TransInfo(
                    "4CDE1CFD-EDED-46B1-946C-B8022E42FC94",
                    "DXPENT0000012345",
                    List.of("DXPEDCCEB0000002"),
                    NOW,
                    "CEB621Message");
            return factory.schemaFailure(info, e, NOW);
        }
    }
}
