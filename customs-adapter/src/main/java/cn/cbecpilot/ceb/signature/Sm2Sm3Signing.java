package cn.cbecpilot.ceb.signature;

import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SM2-SM3 with the chinaport URIs, which the JDK's XML signature API refuses. It follows the same
 * steps as any enveloped signature: digest the canonical document, insert the signature, canonicalise
 * SignedInfo in place (so it picks up the namespaces it inherits) and sign that.
 */
final class Sm2Sm3Signing implements EnvelopedSigning {

    private final SigningKey key;
    private final String certificateBase64;

    Sm2Sm3Signing(SigningKey key) throws Exception {
        this.key = key;
        this.certificateBase64 =
                Base64.getEncoder().encodeToString(key.certificate().getEncoded());
    }

    @Override
    public void sign(Element root, Node nextSibling) throws Exception {
        Document document = root.getOwnerDocument();
        byte[] digest = MessageDigest.getInstance("SM3", BouncyCastle.PROVIDER)
                .digest(Canonical.documentWithout(document, null));
        SignatureElements elements = SignatureElements.build(document, SignatureAlgorithm.SM2_SM3, digest);
        elements.keyInfo(key.keyName(), certificateBase64);
        root.insertBefore(elements.signature(), nextSibling);

        Signature signer = Signature.getInstance(SignatureAlgorithm.SM2_SM3.jcaSignature(), BouncyCastle.PROVIDER);
        signer.initSign(key.privateKey());
        signer.update(Canonical.subtree(elements.signedInfo()));
        elements.signatureValue(signer.sign());
    }
}
