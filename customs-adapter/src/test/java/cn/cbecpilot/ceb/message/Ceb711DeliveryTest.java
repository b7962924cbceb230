package cn.cbecpilot.ceb.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.ceb.signature.CebSignatureVerifier;
import cn.cbecpilot.ceb.signature.SignatureVerification;
import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The supervision site's warehouse-entry detail (CEB711): written, signed, and held to both schemas. */
class Ceb711DeliveryTest {

    private final Parcel parcel = Parcel.of("ORD20261203711", "COP20261203711");

    @Test
    void writesTheHeadAndParcelsInTheSchemasOrderAndSignsAsTheLastChild() throws Exception {
        Document document = signed(parcel.delivery());

        CebSchema.validate(document);
        OfficialSchemas.validate(MessageType.CEB711, document);
        String xml = new String(SafeXml.serialize(document), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml)
                .containsSubsequence(
                        "<ceb:Delivery>",
                        "<ceb:DeliveryHead>",
                        "<ceb:operatorCode>1105960001</ceb:operatorCode>",
                        "<ceb:unloadLocation>",
                        "<ceb:DeliveryList>",
                        "<ceb:gnum>1</ceb:gnum>",
                        "<ceb:BaseTransfer>",
                        "Signature");
        assertThat(document.getDocumentElement().getLastChild().getLocalName()).isEqualTo("Signature");
    }

    @Test
    void itsSignatureVerifiesAndBreaksWhenAParcelIsChanged() throws Exception {
        Document document = signed(parcel.delivery());
        SignatureVerification verification =
                CebSignatureVerifier.trustingEmbeddedCertificate().verify(SafeXml.serialize(document));
        assertThat(verification.valid()).as(verification.reason()).isTrue();

        document.getElementsByTagNameNS(MessageType.NAMESPACE, "logisticsNo")
                .item(0)
                .setTextContent("SF0000000000");
        assertThat(CebSignatureVerifier.trustingEmbeddedCertificate()
                        .verify(SafeXml.serialize(document))
                        .valid())
                .isFalse();
    }

    @Test
    void isRefusedUnsignedBecauseCustomsRequiresTheSignature() {
        assertThat(MessageType.CEB711.requiresSignature()).isTrue();
        assertThatThrownBy(() -> new CebWriter().write(parcel.delivery()))
                .isInstanceOf(CebXmlException.class)
                .hasMessageContaining("Signature");
    }

    @Test
    void theOfficial711SampleMeetsTheAdaptersSchemaAndTheOfficialOne() throws Exception {
        byte[] sample = Files.readAllBytes(OfficialSchemas.reference().resolve("samples/import/CEB711Message.xml"));
        Document document = SafeXml.parse(sample, XmlLimits.DEFAULT);

        CebSchema.validate(document);
        OfficialSchemas.validate(MessageType.CEB711, document);
    }

    @Test
    void needsAtLeastOneParcel() {
        assertThatThrownBy(() -> new Ceb711Delivery(
                        parcel.delivery().head(), List.of(), parcel.delivery().transfer()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Document signed(CebRequest request) throws Exception {
        return SafeXml.parse(SafeXml.serialize(CebWriterTest.finished(request)), XmlLimits.DEFAULT);
    }
}
