package cn.cbecpilot.ceb.signature;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;

/** The two signature/digest pairs the single window accepts, with their XML-DSig URIs. */
public enum SignatureAlgorithm {
    /** The legacy pair, still accepted; signed and checked with the JDK's XML signature API. */
    RSA_SHA1(
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
            "http://www.w3.org/2000/09/xmldsig#sha1",
            "SHA1withRSA",
            "SHA-1"),
    /** The national-crypto pair the 2022 specification prefers. */
    SM2_SM3(
            "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3",
            "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3",
            "SM3withSM2",
            "SM3");

    private final String signatureMethodUri;
    private final String digestMethodUri;
    private final String jcaSignature;
    private final String jcaDigest;

    SignatureAlgorithm(String signatureMethodUri, String digestMethodUri, String jcaSignature, String jcaDigest) {
        this.signatureMethodUri = signatureMethodUri;
        this.digestMethodUri = digestMethodUri;
        this.jcaSignature = jcaSignature;
        this.jcaDigest = jcaDigest;
    }

    public String signatureMethodUri() {
        return signatureMethodUri;
    }

    public String digestMethodUri() {
        return digestMethodUri;
    }

    String jcaSignature() {
        return jcaSignature;
    }

    String jcaDigest() {
        return jcaDigest;
    }

    /** The pair named by a SignedInfo, if it is one of ours; mixed pairs are not accepted. */
    public static Optional<SignatureAlgorithm> fromUris(String signatureMethodUri, String digestMethodUri) {
        return Arrays.stream(values())
                .filter(a ->
                        a.signatureMethodUri.equals(signatureMethodUri) && a.digestMethodUri.equals(digestMethodUri))
                .findFirst();
    }

    /** The pair a public key can produce: RSA keys sign RSA-SHA1, keys on the SM2 curve sign SM2-SM3. */
    public static SignatureAlgorithm forKey(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return RSA_SHA1;
        }
        if (key instanceof ECPublicKey ec && BouncyCastle.isSm2Curve(ec.getParams())) {
            return SM2_SM3;
        }
        throw new IllegalArgumentException("no CEB signature algorithm for a " + key.getAlgorithm() + " key");
    }
}
