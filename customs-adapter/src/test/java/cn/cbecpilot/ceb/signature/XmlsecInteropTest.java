package cn.cbecpilot.ceb.signature;

import static cn.cbecpilot.ceb.signature.CebMessageFixtures.OTHER_RSA_KEY;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.RSA_KEY;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.bytes;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.text;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.unsignedExport;
import static cn.cbecpilot.ceb.signature.CebMessageFixtures.unsignedImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our RSA-SHA1 signatures checked by an independent implementation, the xmlsec1 command (libxmlsec1 on
 * OpenSSL). The test fails, never skips, when the command is missing: interoperability is the point.
 */
class XmlsecInteropTest {

    @TempDir
    Path dir;

    @Test
    void xmlsec1VerifiesSignedImportMessage() throws Exception {
        Result result = xmlsec1(new CebSigner(RSA_KEY).sign(unsignedImport()), RSA_KEY.certificate());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK");
    }

    @Test
    void xmlsec1VerifiesSignedExportMessage() throws Exception {
        Result result = xmlsec1(new CebSigner(RSA_KEY).sign(unsignedExport(true)), RSA_KEY.certificate());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void xmlsec1RejectsTamperedMessage() throws Exception {
        byte[] signed = new CebSigner(RSA_KEY).sign(unsignedImport());

        Result result = xmlsec1(bytes(text(signed).replace("李小宝", "李大宝")), RSA_KEY.certificate());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    @Test
    void xmlsec1RejectsSignatureUnderAnotherCertificate() throws Exception {
        Result result = xmlsec1(new CebSigner(RSA_KEY).sign(unsignedImport()), OTHER_RSA_KEY.certificate());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    private record Result(int exitCode, String output) {}

    private Result xmlsec1(byte[] signed, X509Certificate trusted) throws Exception {
        Path message = Files.write(dir.resolve("message.xml"), signed);
        Path pem = Files.writeString(dir.resolve("trusted.pem"), pem(trusted));
        Path output = dir.resolve("xmlsec1.log");
        Process process;
        try {
            process = new ProcessBuilder("xmlsec1", "--verify", "--trusted-pem", pem.toString(), message.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
        } catch (IOException e) {
            return fail("xmlsec1 is not installed; run `apt-get install xmlsec1` (Debian package xmlsec1)", e);
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail("xmlsec1 did not finish within 30 s");
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private static String pem(X509Certificate certificate) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }
}
