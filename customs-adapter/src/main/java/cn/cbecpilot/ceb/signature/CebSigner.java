package cn.cbecpilot.ceb.signature;

import java.util.Objects;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs CEB request messages with one key. Safe to share between threads: everything built per key is
 * immutable, and per-message work touches only the message.
 */
public final class CebSigner {

    private final SigningKey key;
    private final EnvelopedSigning signing;

    public CebSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
        try {
            this.signing =
                    key.algorithm() == SignatureAlgorithm.RSA_SHA1 ? new RsaSha1Signing(key) : new Sm2Sm3Signing(key);
        } catch (Exception e) {
            throw CebSignatureException.keyMaterial("signing key unusable", e);
        }
    }

    public SigningKey key() {
        return key;
    }

    /** Signs unsigned message bytes, placing the signature as the root element's message type requires. */
    public byte[] sign(byte[] unsignedXml) {
        Document document = XmlSupport.parse(unsignedXml);
        String type = document.getDocumentElement().getLocalName();
        return XmlSupport.serialize(sign(document, SignaturePlacement.forMessageType(type)));
    }

    public byte[] sign(byte[] unsignedXml, SignaturePlacement placement) {
        return XmlSupport.serialize(sign(XmlSupport.parse(unsignedXml), placement));
    }

    /** Signs the document in place and returns it. The caller must not share the document meanwhile. */
    public Document sign(Document unsigned, SignaturePlacement placement) {
        Element root = unsigned.getDocumentElement();
        if (unsigned.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").getLength() > 0) {
            throw CebSignatureException.alreadySigned();
        }
        try {
            signing.sign(root, placement.insertionPoint(root));
        } catch (Exception e) {
            throw CebSignatureException.signingFailed(e);
        }
        return unsigned;
    }
}
