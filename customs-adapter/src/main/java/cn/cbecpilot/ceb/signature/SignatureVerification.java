package cn.cbecpilot.ceb.signature;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The outcome of checking a message's signature.
 *
 * @param valid whether the digest and signature value both check out against a trusted certificate
 * @param reason why not, or {@code "valid"}
 * @param algorithm the pair the signature names, when it names one of ours
 * @param certificate the certificate in KeyInfo, when there is a readable one
 */
public record SignatureVerification(
        boolean valid, String reason, Optional<SignatureAlgorithm> algorithm, Optional<X509Certificate> certificate) {

    static SignatureVerification valid(SignatureAlgorithm algorithm, X509Certificate certificate) {
        return new SignatureVerification(true, "valid", Optional.of(algorithm), Optional.of(certificate));
    }

    static SignatureVerification invalid(String reason, SignatureParts parts) {
        return new SignatureVerification(
                false, reason, Optional.of(parts.algorithm()), Optional.of(parts.certificate()));
    }

    static SignatureVerification malformed(String reason) {
        return new SignatureVerification(false, reason, Optional.empty(), Optional.empty());
    }
}
