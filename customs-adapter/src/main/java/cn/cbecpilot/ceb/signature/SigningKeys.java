package cn.cbecpilot.ceb.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * PKCS#12 key stores for signing keys. BouncyCastle's PKCS#12 implementation is used both ways because
 * the JDK's cannot always read certificates on the SM2 curve.
 */
public final class SigningKeys {

    private static final String TYPE = "PKCS12";

    private SigningKeys() {}

    public static SigningKey fromPkcs12(Path file, char[] password, String alias) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance(TYPE, BouncyCastle.PROVIDER);
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw CebSignatureException.keyMaterial("cannot open key store " + file, e);
        }
        try {
            Key key = store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                throw CebSignatureException.keyMaterial(
                        "key store " + file + " has no private key with certificate under alias '" + alias + "'", null);
            }
            return new SigningKey(privateKey, x509);
        } catch (GeneralSecurityException e) {
            throw CebSignatureException.keyMaterial("cannot read alias '" + alias + "' from " + file, e);
        }
    }

    /** Writes the key to a new PKCS#12 file; the file appears complete or not at all. */
    public static void toPkcs12(SigningKey key, Path file, char[] password, String alias) {
        try {
            KeyStore store = KeyStore.getInstance(TYPE, BouncyCastle.PROVIDER);
            store.load(null, null);
            store.setKeyEntry(alias, key.privateKey(), password, new Certificate[] {key.certificate()});
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), ".keystore", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException e) {
            throw CebSignatureException.keyMaterial("cannot write key store " + file, e);
        }
    }
}
