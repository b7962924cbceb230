package cn.cbecpilot.ceb.signature;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks the enveloped signature of a CEB message. Either trusts whatever certificate the message
 * carries (an integrity check, as the simulator does) or only the given certificates. Thread-safe.
 */
public final class CebSignatureVerifier {

    private final List<X509Certificate> trusted;

    private CebSignatureVerifier(List<X509Certificate> trusted) {
        this.trusted = trusted;
    }

    /** Integrity only: any certificate in KeyInfo is accepted if the signature checks out against it. */
    public static CebSignatureVerifier trustingEmbeddedCertificate() {
        return new CebSignatureVerifier(List.of());
    }

    /** The certificate in KeyInfo must equal one of these. */
    public static CebSignatureVerifier trusting(List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted certificate is needed");
        }
        return new CebSignatureVerifier(List.copyOf(certificates));
    }

    public SignatureVerification verify(byte[] signedXml) {
        try {
            return verify(XmlSupport.parse(signedXml));
        } catch (CebSignatureException e) {
            return SignatureVerification.malformed(e.getMessage());
        }
    }

    /** Reads the document only; it is left unchanged. */
    public SignatureVerification verify(Document document) {
        Optional<Element> signature = signatureOf(document.getDocumentElement());
        if (signature.isEmpty()) {
            return SignatureVerification.malformed("message carries no ds:Signature child of its root");
        }
        SignatureParts parts;
        try {
            parts = SignatureParts.read(signature.get());
        } catch (IllegalArgumentException e) {
            return SignatureVerification.malformed(e.getMessage());
        }
        if (!trusted.isEmpty() && !trusted.contains(parts.certificate())) {
            return SignatureVerification.invalid(
                    "certificate " + parts.certificate().getSerialNumber().toString(16) + " is not trusted", parts);
        }
        return parts.algorithm() == SignatureAlgorithm.RSA_SHA1
                ? RsaSha1Verification.check(parts)
                : Sm2Sm3Verification.check(parts);
    }

    /** Exactly one signature, directly under the root: a second one elsewhere is a wrapping attack. */
    private static Optional<Element> signatureOf(Element root) {
        if (root.getOwnerDocument()
                        .getElementsByTagNameNS(XMLSignature.XMLNS, "Signature")
                        .getLength()
                != 1) {
            return Optional.empty();
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE
                    && XMLSignature.XMLNS.equals(n.getNamespaceURI())
                    && "Signature".equals(n.getLocalName())) {
                return Optional.of((Element) n);
            }
        }
        return Optional.empty();
    }
}
