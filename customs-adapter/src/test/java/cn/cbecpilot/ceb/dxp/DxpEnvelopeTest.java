package cn.cbecpilot.ceb.dxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.ceb.message.CebWriter;
import cn.cbecpilot.ceb.message.OfficialSchemas;
import cn.cbecpilot.ceb.message.Parcel;
import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

class DxpEnvelopeTest {

    private static final TransInfo INFO = new TransInfo(
            "4CDE1CFD-EDED-46B1-946C-B8022E42FC94",
            "DXPENT0000012345",
            List.of(DxpEnvelope.IMPORT_RECEIVER),
            LocalDateTime.of(2026, 12, 3, 10, 15, 30),
            "CEB311Message");

    private final DxpEnvelope envelope = new DxpEnvelope();

    @Test
    void unwrapsWhatItWrapsByteForByte() {
        byte[] message = new CebWriter().write(Parcel.of("ORD1", "COP1").order());

        DxpEnvelope.Unwrapped unwrapped = envelope.unwrap(envelope.wrap(message, INFO));

        assertThat(unwrapped.message()).isEqualTo(message);
        assertThat(unwrapped.transInfo()).contains(INFO);
        assertThat(unwrapped.document().getDocumentElement().getLocalName()).isEqualTo("CEB311Message");
    }

    @Test
    void wrappedEnvelopeValidatesAgainstTheOfficialTerminalSchema() throws Exception {
        byte[] wrapped =
                envelope.wrap(new CebWriter().write(Parcel.of("ORD1", "COP1").order()), INFO);

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(OfficialSchemas.reference()
                        .resolve("xsd/dxp-terminal-2022.xsd")
                        .toFile())
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(wrapped)));
        String xml = new String(wrapped, StandardCharsets.UTF_8);
        assertThat(xml)
                .contains("<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\" ver=\"1.0\">")
                .contains("<ReceiverId>DXPEDCCEB0000002</ReceiverId>")
                .contains("<CreatTime>2026-12-03T10:15:30</CreatTime>")
                .contains("<MsgType>CEB311Message</MsgType>");
    }

    @Test
    void writesTheRoutingAsTextThatReadsBackTheSame() {
        TransInfo awkward = new TransInfo(
                "<guid & \"more\">",
                "DXPENT0000012345",
                List.of(DxpEnvelope.IMPORT_RECEIVER, "DXP<&>"),
                LocalDateTime.of(2026, 12, 3, 10, 15, 30, 999_000_000),
                "CEB311Message");
        byte[] message = new CebWriter().write(Parcel.of("ORD1", "COP1").order());

        byte[] wrapped = envelope.wrap(message, awkward);
        DxpEnvelope.Unwrapped unwrapped = envelope.unwrap(wrapped);

        assertThat(new String(wrapped, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><DxpMsg ")
                .contains("<CopMsgId>&lt;guid &amp; \"more\"&gt;</CopMsgId>");
        assertThat(unwrapped.transInfo())
                .contains(new TransInfo(
                        awkward.copMsgId(),
                        awkward.senderId(),
                        awkward.receiverIds(),
                        awkward.creatTime().withNano(0),
                        awkward.msgType()));
        assertThat(unwrapped.message()).isEqualTo(message);
    }

    @Test
    void routingBeyondTheSchemaLimitsIsRefusedBeforeAnyEnvelopeIsWritten() {
        LocalDateTime at = LocalDateTime.of(2026, 12, 3, 10, 15, 30);
        List<String> receivers = List.of(DxpEnvelope.IMPORT_RECEIVER);

        assertThatThrownBy(() -> new TransInfo("x".repeat(256), "DXPENT0000012345", receivers, at, "CEB311Message"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("copMsgId of 256 characters");
        assertThatThrownBy(() -> new TransInfo("", "DXPENT0000012345", receivers, at, "CEB311Message"))
                .hasMessageContaining("copMsgId of 0 characters");
        assertThatThrownBy(() -> new TransInfo("g", "DXPENT00000123456", receivers, at, "CEB311Message"))
                .hasMessageContaining("senderId of 17 characters");
        assertThatThrownBy(() -> new TransInfo("g", "DXPENT0000012345", List.of(""), at, "CEB311Message"))
                .hasMessageContaining("receiverId of 0 characters");
        assertThatThrownBy(() -> new TransInfo("g", "DXPENT0000012345", receivers, at, "M".repeat(31)))
                .hasMessageContaining("msgType of 31 characters");
        assertThatThrownBy(() -> new TransInfo("g\u0001", "DXPENT0000012345", receivers, at, "CEB311Message"))
                .hasMessageContaining("copMsgId holds a character XML cannot carry");
        assertThatThrownBy(() -> new TransInfo("g\uD800", "DXPENT0000012345", receivers, at, "CEB311Message"))
                .hasMessageContaining("copMsgId holds a character XML cannot carry");
        assertThat(new TransInfo("g\uD83D\uDE00", "DXPENT0000012345", receivers, at, "CEB311Message").copMsgId())
                .hasSize(3);
        assertThat(new TransInfo("x".repeat(255), "D".repeat(16), List.of("R".repeat(16)), at, "M".repeat(30))
                        .copMsgId())
                .hasSize(255);
    }

    @Test
    void anEnvelopeWhoseRoutingIsBlankIsMalformed() {
        String blank = new String(envelope.wrap("<a/>".getBytes(), INFO), StandardCharsets.UTF_8)
                .replace("<CopMsgId>" + INFO.copMsgId() + "</CopMsgId>", "<CopMsgId>   </CopMsgId>");

        assertThatThrownBy(() -> envelope.unwrap(blank.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
                .hasMessageContaining("copMsgId of 0 characters");
    }

    @Test
    void takesABareCebMessageAsItIs() {
        byte[] message = new CebWriter().write(Parcel.of("ORD1", "COP1").payment());

        DxpEnvelope.Unwrapped unwrapped = envelope.unwrap(message);

        assertThat(unwrapped.transInfo()).isEmpty();
        assertThat(unwrapped.message()).isEqualTo(message);
    }

    @Test
    void refusesHostileXmlHiddenInsideData() {
        byte[] hostile =
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>".getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = envelope.wrap(hostile, INFO);

        assertThatThrownBy(() -> envelope.unwrap(wrapped))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN_CONSTRUCT));
    }

    @Test
    void refusesAnEnvelopeAgainstTheSchemaAndDataThatIsNotBase64() {
        String noData = "<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\" ver=\"1.0\"><TransInfo/></DxpMsg>";
        String notBase64 = new String(envelope.wrap("<a/>".getBytes(), INFO), StandardCharsets.UTF_8)
                .replace(Base64.getEncoder().encodeToString("<a/>".getBytes()), "***");

        assertThatThrownBy(() -> envelope.unwrap(noData.getBytes()))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SCHEMA_VIOLATION));
        assertThatThrownBy(() -> envelope.unwrap(notBase64.getBytes()))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SCHEMA_VIOLATION));
    }

    @Test
    void refusesDataThatDecodesBeyondTheSizeLimit() {
        DxpEnvelope small = new DxpEnvelope(new XmlLimits(8 * 1024, 32));
        byte[] big = ("<r>" + "x".repeat(7 * 1024) + "</r>").getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = new DxpEnvelope(XmlLimits.DEFAULT).wrap(big, INFO);

        assertThat(wrapped.length).isGreaterThan(8 * 1024);
        assertThatThrownBy(() -> small.unwrap(wrapped))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
        assertThat(SafeXml.parse(big, XmlLimits.DEFAULT)).isNotNull();
    }
}
