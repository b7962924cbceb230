package cn.cbecpilot.ceb.signature;

import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds a ds:Signature element tree by hand, laid out as the JDK lays out its own. */
final class SignatureElements {

    private static final String DS = XMLSignature.XMLNS;

    private final Document document;
    private final Element signature;
    private final Element signedInfo;
    private final Element signatureValue;

    private SignatureElements(Document document) {
        this.document = document;
        this.signature = element("Signature");
        signature.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DS);
        this.signedInfo = child(signature, "SignedInfo");
        this.signatureValue = element("SignatureValue");
    }

    static SignatureElements build(Document document, SignatureAlgorithm algorithm, byte[] digest) {
        SignatureElements e = new SignatureElements(document);
        child(e.signedInfo, "CanonicalizationMethod").setAttribute("Algorithm", CanonicalizationMethod.INCLUSIVE);
        child(e.signedInfo, "SignatureMethod").setAttribute("Algorithm", algorithm.signatureMethodUri());
        Element reference = child(e.signedInfo, "Reference");
        reference.setAttribute("URI", "");
        child(child(reference, "Transforms"), "Transform").setAttribute("Algorithm", Transform.ENVELOPED);
        child(reference, "DigestMethod").setAttribute("Algorithm", algorithm.digestMethodUri());
        child(reference, "DigestValue").setTextContent(Base64.getEncoder().encodeToString(digest));
        e.signature.appendChild(e.signatureValue);
        return e;
    }

    void keyInfo(String keyName, String certificateBase64) {
        Element keyInfo = child(signature, "KeyInfo");
        child(keyInfo, "KeyName").setTextContent(keyName);
        child(child(keyInfo, "X509Data"), "X509Certificate").setTextContent(certificateBase64);
    }

    void signatureValue(byte[] value) {
        signatureValue.setTextContent(Base64.getEncoder().encodeToString(value));
    }

    Element signature() {
        return signature;
    }

    Element signedInfo() {
        return signedInfo;
    }

    private Element element(String localName) {
        return document.createElementNS(DS, "ds:" + localName);
    }

    private static Element child(Element parent, String localName) {
        Element child = parent.getOwnerDocument().createElementNS(DS, "ds:" + localName);
        parent.appendChild(child);
        return child;
    }
}
