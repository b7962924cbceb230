package cn.cbecpilot.ceb.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/** SM2-SM3 verification: the same steps as {@link Sm2Sm3Signing}, checked instead of produced. */
final class Sm2Sm3Verification {

    private static final int RAW_SIGNATURE_LENGTH = 64;

    private Sm2Sm3Verification() {}

    static SignatureVerification check(SignatureParts parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SM3", BouncyCastle.PROVIDER)
                    .digest(Canonical.documentWithout(parts.signature().getOwnerDocument(), parts.signature()));
            if (!MessageDigest.isEqual(digest, parts.digestValue())) {
                return SignatureVerification.invalid("digest does not match the message", parts);
            }
            Signature verifier =
                    Signature.getInstance(SignatureAlgorithm.SM2_SM3.jcaSignature(), BouncyCastle.PROVIDER);
            verifier.initVerify(parts.certificate().getPublicKey());
            verifier.update(Canonical.subtree(parts.signedInfo()));
            if (!verifier.verify(der(parts.signatureValue()))) {
                return SignatureVerification.invalid("signature value does not match SignedInfo", parts);
            }
            return SignatureVerification.valid(parts.algorithm(), parts.certificate());
        } catch (GeneralSecurityException | CebSignatureException e) {
            return SignatureVerification.invalid("signature unreadable: " + e.getMessage(), parts);
        }
    }

    /**
     * We write DER (GM/T 0009); some signing devices emit the bare 64-byte r||s instead, so that form
     * is accepted too.
     */
    private static byte[] der(byte[] value) throws GeneralSecurityException {
        if (value.length != RAW_SIGNATURE_LENGTH) {
            return value;
        }
        ASN1EncodableVector rs = new ASN1EncodableVector();
        rs.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(value, 0, 32))));
        rs.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(value, 32, 64))));
        try {
            return new DERSequence(rs).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
