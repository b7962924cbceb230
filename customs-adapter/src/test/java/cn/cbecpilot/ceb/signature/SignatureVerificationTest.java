package cn.cbecpilot.ceb.signature;

import static cn.cbecpilot.ceb.signature.CebMessageFixtures.bytes;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.key;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.otherKey;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.text;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.unsignedExport;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.unsignedImport;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureVerificationTest {

    private final CebSignatureVerifier anyCertificate = CebSignatureVerifier.trustingEmbeddedCertificate();

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void verifiesASignedImportMessage(SignatureAlgorithm algorithm) {
        byte[] signed = new CebSigner(key(algorithm)).sign(unsignedImport());

        SignatureVerification result = anyCertificate.verify(signed);

        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.algorithm()).contains(algorithm);
        assertThat(result.certificate()).contains(key(algorithm).certificate());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void verifiesASignedExportMessageWithExtendMessageAfterTheSignature(SignatureAlgorithm algorithm) {
        byte[] signed = new CebSigner(key(algorithm)).sign(unsignedExport(true));

        assertThat(anyCertificate.verify(signed).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void tamperedContentFailsVerification(SignatureAlgorithm algorithm) {
        byte[] signed = new CebSigner(key(algorithm)).sign(unsignedImport());
        byte[] tampered = bytes(text(signed).replace("李小宝", "李大宝"));

        SignatureVerification result = anyCertificate.verify(tampered);

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("digest does not match the message");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void tamperedSignedInfoFailsVerification(SignatureAlgorithm algorithm) {
        String signed = text(new CebSigner(key(algorithm)).sign(unsignedImport()));
        String withId = signed.replace("<ds:Reference URI=\"\">", "<ds:Reference URI=\"\" Id=\"r\">");

        SignatureVerification result = anyCertificate.verify(bytes(withId));

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("signature value does not match SignedInfo");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void certificateOutsideTheTrustedSetFailsVerification(SignatureAlgorithm algorithm) {
        byte[] signed = new CebSigner(key(algorithm)).sign(unsignedImport());
        var verifier = CebSignatureVerifier.trusting(List.of(otherKey(algorithm).certificate()));

        SignatureVerification result = verifier.verify(signed);

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).endsWith("is not trusted");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void certificateSwappedIntoKeyInfoFailsVerification(SignatureAlgorithm algorithm) throws Exception {
        String signed = text(new CebSigner(key(algorithm)).sign(unsignedImport()));
        String ours =
                Base64.getEncoder().encodeToString(key(algorithm).certificate().getEncoded());
        String theirs = Base64.getEncoder()
                .encodeToString(otherKey(algorithm).certificate().getEncoded());
        var verifier = CebSignatureVerifier.trusting(List.of(otherKey(algorithm).certificate()));

        SignatureVerification result = verifier.verify(bytes(signed.replace(ours, theirs)));

        assertThat(signed).contains(ours);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("signature value does not match SignedInfo");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void trustedCertificatePassesVerification(SignatureAlgorithm algorithm) {
        byte[] signed = new CebSigner(key(algorithm)).sign(unsignedImport());
        var verifier = CebSignatureVerifier.trusting(
                List.of(otherKey(algorithm).certificate(), key(algorithm).certificate()));

        assertThat(verifier.verify(signed).valid()).isTrue();
    }

    @Test
    void unsignedMessageIsReported() {
        SignatureVerification result = anyCertificate.verify(unsignedImport());

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("no ds:Signature");
    }

    @Test
    void secondSignatureElsewhereIsRefused() {
        String signed = text(new CebSigner(key(SignatureAlgorithm.RSA_SHA1)).sign(unsignedImport()));
        String signature = signed.substring(signed.indexOf("<ds:Signature"), signed.indexOf("</ds:Signature>") + 15);
        String wrapped = signed.replace("<ceb:note/>", "<ceb:note>" + signature + "</ceb:note>");

        assertThat(anyCertificate.verify(bytes(wrapped)).valid()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signsFromManyThreadsAtOnce(SignatureAlgorithm algorithm) throws Exception {
        CebSigner shared = new CebSigner(key(algorithm));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SignatureVerification>> results = IntStream.range(0, 64)
                    .mapToObj(i -> pool.submit(() -> anyCertificate.verify(
                            shared.sign(bytes(text(unsignedImport()).replace("李小宝", "buyer-" + i))))))
                    .toList();
            for (Future<SignatureVerification> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).valid()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
