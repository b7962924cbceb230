package cn.cbecpilot.ceb.signature;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * RSA-SHA1 through the JDK's XML signature API. The immutable parts (methods, transforms, KeyInfo) are
 * built once per key; only the Reference and SignedInfo, which carry the digest, are made per message.
 */
final class RsaSha1Signing implements EnvelopedSigning {

    static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private final SigningKey key;
    private final DigestMethod digestMethod;
    private final List<Transform> transforms;
    private final CanonicalizationMethod canonicalization;
    private final SignatureMethod signatureMethod;
    private final KeyInfo keyInfo;

    RsaSha1Signing(SigningKey key) {
        this.key = key;
        try {
            digestMethod = FACTORY.newDigestMethod(DigestMethod.SHA1, null);
            transforms = List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
            canonicalization =
                    FACTORY.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null);
            signatureMethod = FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA1, null);
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JDK lacks the RSA-SHA1 XML signature algorithms", e);
        }
        KeyInfoFactory keyInfos = FACTORY.getKeyInfoFactory();
        keyInfo = keyInfos.newKeyInfo(
                List.of(keyInfos.newKeyName(key.keyName()), keyInfos.newX509Data(List.of(key.certificate()))));
    }

    @Override
    public void sign(Element root, Node nextSibling) throws Exception {
        var reference = FACTORY.newReference("", digestMethod, transforms, null, null);
        var signedInfo = FACTORY.newSignedInfo(canonicalization, signatureMethod, List.of(reference));
        DOMSignContext context = nextSibling == null
                ? new DOMSignContext(key.privateKey(), root)
                : new DOMSignContext(key.privateKey(), root, nextSibling);
        context.setDefaultNamespacePrefix("ds");
        FACTORY.newXMLSignature(signedInfo, keyInfo).sign(context);
    }
}
