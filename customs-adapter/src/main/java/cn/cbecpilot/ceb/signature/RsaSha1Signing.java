package cn.cbecpilot.ceb.signature;

import java.security.GeneralSecurityException;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * RSA-SHA1 through the JDK's XML signature API. The factory, digest method and KeyInfo are stateless
 * and built once per key. Transforms and the canonicalisation and signature methods are made per
 * message: the JDK's implementations keep per-call state (the owner document, a cached
 * java.security.Signature), so sharing them between threads corrupts signatures.
 */
final class RsaSha1Signing implements EnvelopedSigning {

    static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private final SigningKey key;
    private final DigestMethod digestMethod;
    private final KeyInfo keyInfo;

    RsaSha1Signing(SigningKey key) throws GeneralSecurityException {
        this.key = key;
        this.digestMethod = FACTORY.newDigestMethod(DigestMethod.SHA1, null);
        KeyInfoFactory keyInfos = FACTORY.getKeyInfoFactory();
        this.keyInfo = keyInfos.newKeyInfo(
                List.of(keyInfos.newKeyName(key.keyName()), keyInfos.newX509Data(List.of(key.certificate()))));
    }

    @Override
    public void sign(Element root, Node nextSibling) throws Exception {
        var transforms = List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
        var reference = FACTORY.newReference("", digestMethod, transforms, null, null);
        var signedInfo = FACTORY.newSignedInfo(
                FACTORY.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA1, null),
                List.of(reference));
        DOMSignContext context = nextSibling == null
                ? new DOMSignContext(key.privateKey(), root)
                : new DOMSignContext(key.privateKey(), root, nextSibling);
        context.setDefaultNamespacePrefix("ds");
        FACTORY.newXMLSignature(signedInfo, keyInfo).sign(context);
        unwrapBase64(root, "SignatureValue");
        unwrapBase64(root, "X509Certificate");
    }

    /**
     * The JDK wraps Base64 at 76 characters with CR LF, which comes out as {@code &#13;} in the XML.
     * Both elements lie outside SignedInfo and outside the enveloped reference, so joining the lines
     * changes nothing that is signed, and the message reads like the SM2 ones.
     */
    private static void unwrapBase64(Element root, String localName) {
        var elements = root.getElementsByTagNameNS(XMLSignature.XMLNS, localName);
        for (int i = 0; i < elements.getLength(); i++) {
            Node element = elements.item(i);
            element.setTextContent(element.getTextContent().replaceAll("\\s+", ""));
        }
    }
}
