package cn.cbecpilot.ceb.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key with the certificate that goes into each signature's KeyInfo.
 *
 * @param privateKey the signing key
 * @param certificate its X.509 certificate, embedded in every signature
 * @param algorithm the signature pair the key produces, derived from the certificate's key
 */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate, SignatureAlgorithm algorithm) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(algorithm, "algorithm");
        if (SignatureAlgorithm.forKey(certificate.getPublicKey()) != algorithm) {
            throw new IllegalArgumentException(
                    "certificate key " + certificate.getPublicKey().getAlgorithm() + " cannot sign " + algorithm);
        }
    }

    public SigningKey(PrivateKey privateKey, X509Certificate certificate) {
        this(privateKey, certificate, SignatureAlgorithm.forKey(certificate.getPublicKey()));
    }

    /** The KeyName customs expects: the certificate serial number in lower-case hex. */
    public String keyName() {
        return certificate.getSerialNumber().toString(16);
    }

    /** Never prints the private key: records would otherwise put it into logs. */
    @Override
    public String toString() {
        return "SigningKey[" + algorithm + ", serial " + keyName() + ", "
                + certificate.getSubjectX500Principal().getName() + "]";
    }
}
