package cn.cbecpilot.ceb.signature;

import static cn.cbecpilot.ceb.signature.CebMessageFixtures.RSA_KEY;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.SM2_KEY;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.unsignedExport;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.unsignedImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.XMLSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class CebSignerTest {

    @Test
    void importMessageGetsSignatureAsLastChild() {
        Document signed = XmlSupport.parse(new CebSigner(RSA_KEY).sign(unsignedImport()));

        assertThat(childNames(signed.getDocumentElement()))
                .containsExactly("Inventory", "BaseTransfer", "ExtendMessage", "Signature");
    }

    @Test
    void exportMessageGetsSignatureBeforeExtendMessage() {
        Document signed = XmlSupport.parse(new CebSigner(SM2_KEY).sign(unsignedExport(true)));

        assertThat(childNames(signed.getDocumentElement()))
                .containsExactly("InvtRefund", "BaseTransfer", "BaseSubscribe", "Signature", "ExtendMessage");
    }

    @Test
    void exportMessageWithoutExtendMessageGetsSignatureLast() {
        Document signed = XmlSupport.parse(new CebSigner(RSA_KEY).sign(unsignedExport(false)));

        assertThat(childNames(signed.getDocumentElement()))
                .containsExactly("InvtRefund", "BaseTransfer", "BaseSubscribe", "Signature");
    }

    @Test
    void placementFollowsMessageType() {
        assertThat(SignaturePlacement.forMessageType("CEB621Message")).isEqualTo(SignaturePlacement.LAST_CHILD);
        assertThat(SignaturePlacement.forMessageType("CEB711")).isEqualTo(SignaturePlacement.LAST_CHILD);
        assertThat(SignaturePlacement.forMessageType("CEB213Message"))
                .isEqualTo(SignaturePlacement.BEFORE_EXTEND_MESSAGE);
        assertThatThrownBy(() -> SignaturePlacement.forMessageType("CEB622Message"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a signed CEB request");
    }

    @Test
    void rsaSignatureNamesLegacyPairKeyNameAndCertificate() throws Exception {
        Element signature = signatureOf(new CebSigner(RSA_KEY).sign(unsignedImport()));

        assertThat(algorithms(signature))
                .containsExactly(
                        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
                        "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                        "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                        "http://www.w3.org/2000/09/xmldsig#sha1");
        assertThat(text(signature, "KeyName"))
                .isEqualTo(RSA_KEY.certificate().getSerialNumber().toString(16));
        assertThat(Base64.getMimeDecoder().decode(text(signature, "X509Certificate")))
                .isEqualTo(RSA_KEY.certificate().getEncoded());
        assertThat(referenceUri(signature)).isEmpty();
    }

    @Test
    void sm2SignatureNamesChinaportPairWithSm3Digest() {
        Element signature = signatureOf(new CebSigner(SM2_KEY).sign(unsignedImport()));

        assertThat(algorithms(signature))
                .containsExactly(
                        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
                        "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3",
                        "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                        "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3");
        assertThat(Base64.getDecoder().decode(text(signature, "DigestValue"))).hasSize(32);
        assertThat(text(signature, "KeyName")).isEqualTo(SM2_KEY.keyName());
        assertThat(referenceUri(signature)).isEmpty();
    }

    @Test
    void refusesToSignASignedMessage() {
        CebSigner signer = new CebSigner(RSA_KEY);
        byte[] signed = signer.sign(unsignedImport());

        assertThatThrownBy(() -> signer.sign(signed))
                .isInstanceOf(CebSignatureException.class)
                .hasMessageContaining("already carries");
    }

    @Test
    void refusesMessagesWithDoctype() {
        byte[] withDoctype = CebMessageFixtures.bytes("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ceb:CEB621Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">&e;</ceb:CEB621Message>");

        assertThatThrownBy(() -> new CebSigner(RSA_KEY).sign(withDoctype))
                .isInstanceOf(CebSignatureException.class)
                .hasMessageContaining("DOCTYPE");
    }

    private static Element signatureOf(byte[] signed) {
        return (Element) XmlSupport.parse(signed)
                .getElementsByTagNameNS(XMLSignature.XMLNS, "Signature")
                .item(0);
    }

    private static List<String> childNames(Element root) {
        List<String> names = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                names.add(n.getLocalName());
            }
        }
        return names;
    }

    private static List<String> algorithms(Element signature) {
        List<String> uris = new ArrayList<>();
        var all = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("Algorithm")) {
                uris.add(e.getAttribute("Algorithm"));
            }
        }
        return uris;
    }

    private static String text(Element signature, String localName) {
        return signature
                .getElementsByTagNameNS(XMLSignature.XMLNS, localName)
                .item(0)
                .getTextContent()
                .strip();
    }

    private static String referenceUri(Element signature) {
        return ((Element) signature
                        .getElementsByTagNameNS(XMLSignature.XMLNS, "Reference")
                        .item(0))
                .getAttribute("URI");
    }
}
