package cn.cbecpilot.ceb.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeysTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void demoKeyStoreIsCreatedOnceAndSignsAfterReload(SignatureAlgorithm algorithm) {
        Path file = dir.resolve("demo/signing.p12");

        SigningKey created = DemoKeys.loadOrCreate(file, PASSWORD, "ceb", algorithm, "demo platform");
        SigningKey reloaded = DemoKeys.loadOrCreate(file, PASSWORD, "ceb", algorithm, "demo platform");

        assertThat(reloaded.certificate()).isEqualTo(created.certificate());
        assertThat(reloaded.algorithm()).isEqualTo(algorithm);
        byte[] signed = new CebSigner(reloaded).sign(CebMessageFixtures.unsignedImport());
        assertThat(CebSignatureVerifier.trusting(java.util.List.of(created.certificate()))
                        .verify(signed)
                        .valid())
                .isTrue();
    }

    @Test
    void wrongPasswordIsReportedWithTheFile() {
        Path file = dir.resolve("signing.p12");
        SigningKeys.toPkcs12(CebMessageFixtures.RSA_KEY, file, PASSWORD, "ceb");

        assertThatThrownBy(() -> SigningKeys.fromPkcs12(file, "wrong".toCharArray(), "ceb"))
                .isInstanceOf(CebSignatureException.class)
                .hasMessageContaining("cannot open key store")
                .hasMessageContaining(file.toString());
    }

    @Test
    void unknownAliasIsReported() {
        Path file = dir.resolve("signing.p12");
        SigningKeys.toPkcs12(CebMessageFixtures.SM2_KEY, file, PASSWORD, "ceb");

        assertThatThrownBy(() -> SigningKeys.fromPkcs12(file, PASSWORD, "other"))
                .isInstanceOf(CebSignatureException.class)
                .hasMessageContaining("alias 'other'");
    }

    @Test
    void keyDescriptionLeavesThePrivateKeyOut() {
        SigningKey key = CebMessageFixtures.SM2_KEY;

        assertThat(key.toString()).contains("SM2_SM3", key.keyName()).doesNotContain("rivate");
    }
}
