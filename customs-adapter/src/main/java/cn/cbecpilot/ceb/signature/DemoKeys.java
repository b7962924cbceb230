package cn.cbecpilot.ceb.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed demo keys for the embedded mode, where no e-port card or crypto device exists. The
 * single window would refuse them; the simulator accepts any certificate whose signature checks out.
 */
public final class DemoKeys {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoKeys() {}

    public static SigningKey generate(SignatureAlgorithm algorithm, String commonName) {
        try {
            KeyPair pair = keyPair(algorithm);
            String certificateSignature = algorithm == SignatureAlgorithm.RSA_SHA1 ? "SHA256withRSA" : "SM3withSM2";
            return new SigningKey(pair.getPrivate(), certificate(pair, commonName, certificateSignature), algorithm);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw CebSignatureException.keyMaterial("cannot generate a demo " + algorithm + " key", e);
        }
    }

    /**
     * Loads the key store if it exists, else creates it with a fresh demo key. Meant for first start in
     * embedded mode; a key store that exists is never overwritten.
     */
    public static SigningKey loadOrCreate(
            Path file, char[] password, String alias, SignatureAlgorithm algorithm, String commonName) {
        if (Files.exists(file)) {
            return SigningKeys.fromPkcs12(file, password, alias);
        }
        SigningKey key = generate(algorithm, commonName);
        SigningKeys.toPkcs12(key, file, password, alias);
        return key;
    }

    private static KeyPair keyPair(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        if (algorithm == SignatureAlgorithm.RSA_SHA1) {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048, RANDOM);
            return rsa.generateKeyPair();
        }
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        ec.initialize(new ECGenParameterSpec(BouncyCastle.SM2_CURVE), RANDOM);
        return ec.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair pair, String commonName, String signatureAlgorithm)
            throws GeneralSecurityException, OperatorCreationException {
        X500Name subject = new X500Name("CN=" + commonName + ", O=CBEC pilot demo, C=CN");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(63, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        var signer = new JcaContentSignerBuilder(signatureAlgorithm)
                .setProvider(BouncyCastle.PROVIDER)
                .build(pair.getPrivate());
        return new JcaX509CertificateConverter()
                .setProvider(BouncyCastle.PROVIDER)
                .getCertificate(builder.build(signer));
    }
}
