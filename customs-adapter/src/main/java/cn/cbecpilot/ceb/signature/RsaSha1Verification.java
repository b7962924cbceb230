package cn.cbecpilot.ceb.signature;

import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

/** RSA-SHA1 verification by the JDK's XML signature API, on a signature {@link SignatureParts} accepted. */
final class RsaSha1Verification {

    private RsaSha1Verification() {}

    static SignatureVerification check(SignatureParts parts) {
        DOMValidateContext context = new DOMValidateContext(
                KeySelector.singletonKeySelector(parts.certificate().getPublicKey()), parts.signature());
        // Secure validation forbids SHA-1, which the legacy pair needs. The limits it would otherwise
        // enforce (one reference, no external URIs, few transforms) are already checked by SignatureParts.
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        try {
            XMLSignature signature = RsaSha1Signing.FACTORY.unmarshalXMLSignature(context);
            if (!signature.getSignedInfo().getReferences().get(0).validate(context)) {
                return SignatureVerification.invalid("digest does not match the message", parts);
            }
            if (!signature.getSignatureValue().validate(context)) {
                return SignatureVerification.invalid("signature value does not match SignedInfo", parts);
            }
            return SignatureVerification.valid(parts.algorithm(), parts.certificate());
        } catch (MarshalException | XMLSignatureException e) {
            return SignatureVerification.invalid("signature unreadable: " + e.getMessage(), parts);
        }
    }
}
