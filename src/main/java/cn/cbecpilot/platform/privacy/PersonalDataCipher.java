package cn.cbecpilot.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over a key ring. A sealed value reads {@code pd1:<keyId>:<base64(nonce | ciphertext | tag)>}: the key
 * id travels with the value, so that after a rotation old rows still open with their key while new ones are sealed
 * with the current key, and the key id is bound as associated data so a value cannot be passed off under another key.
 * Plain Java; thread-safe: each thread keeps its own {@link Cipher}, because looking one up in the providers for every
 * value cost more than the encryption itself (an order head has six sealed values, read at every step).
 */
public final class PersonalDataCipher {

    private static final String PREFIX = "pd1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataCipher::newCipher);

    /**
     * @param keys key id → 32-byte AES key
     * @param currentKeyId the key new values are sealed with
     */
    public PersonalDataCipher(Map<String, byte[]> keys, String currentKeyId) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current data key '" + currentKeyId + "' is not in the key ring");
        }
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException(
                        "data key '" + id + "' must be 32 bytes (AES-256), not " + key.length);
            }
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalArgumentException("data key id '" + id + "' must be 1-16 letters, digits, - or _");
            }
        });
        this.keys =
                Map.copyOf(keys.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e ->
                        (SecretKey) new SecretKeySpec(e.getValue(), "AES"))));
        this.currentKeyId = currentKeyId;
    }

    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, currentKeyId, nonce, plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
        return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    public String open(String value) {
        if (value == null) {
            return null;
        }
        if (!value.startsWith(PREFIX)) {
            throw new IllegalStateException("a personal-data column holds a value that is not sealed");
        }
        int colon = value.indexOf(':', PREFIX.length());
        String keyId = value.substring(PREFIX.length(), colon);
        byte[] all = Base64.getDecoder().decode(value.substring(colon + 1));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, keyId, nonce, sealed), StandardCharsets.UTF_8);
    }

    /** Whether the value is sealed with an older key and should be sealed again with the current one. */
    public boolean isStale(String value) {
        return value != null && !value.startsWith(PREFIX + currentKeyId + ":");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    private byte[] run(int mode, String keyId, byte[] nonce, byte[] input) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("personal data sealed with key '" + keyId + "', which is not configured");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "personal data could not be "
                            + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened (tampered, or the wrong key)"),
                    e);
        }
    }
}
