package cn.cbecpilot.ceb.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import javax.xml.crypto.dsig.XMLSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The official 2022 samples carry a signature with the right shape but placeholder values: every
 * sample has the same 20-byte "SM3" digest (an SM3 digest has 32 bytes) and an RSA-1024 certificate
 * and signature value under the SM2-SM3 URIs. They cannot verify, so only their structure is checked,
 * together with the verifier saying so rather than crashing.
 */
class OfficialSamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"CEB621Message.xml", "CEB213Message.xml"})
    void sampleSignatureHasTheExpectedStructure(String sample) throws IOException {
        Document document = XmlSupport.parse(read(sample));
        Element signature = (Element)
                document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);

        SignatureParts parts = SignatureParts.read(signature);

        assertThat(parts.algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(signature.getParentNode()).isSameAs(document.getDocumentElement());
        assertThat(parts.digestValue()).as("placeholder digest, not SM3-sized").hasSize(20);
        assertThat(parts.certificate().getPublicKey()).isInstanceOf(RSAPublicKey.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CEB621Message.xml", "CEB213Message.xml"})
    void samplePlaceholderSignatureIsReportedAsNotMatching(String sample) throws IOException {
        SignatureVerification result =
                CebSignatureVerifier.trustingEmbeddedCertificate().verify(read(sample));

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("digest does not match the message");
    }

    private static byte[] read(String sample) throws IOException {
        try (InputStream in = OfficialSamplesTest.class.getResourceAsStream("/ceb-2022-samples/" + sample)) {
            return in.readAllBytes();
        }
    }
}
