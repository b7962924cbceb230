package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.config.PlatformProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A keyed hash (HMAC-SHA256) of a resident ID: the key by which the buyer's annual quota is found, so that the quota
 * table never holds an ID number and nobody without the key can test guesses against it.
 */
@Component
class BuyerIdHasher {

    private static final String DEMO_KEY = "embedded-demo-id-hash-key";

    private final ThreadLocal<Mac> macs;

    BuyerIdHasher(PlatformProperties properties, Environment env) {
        if (!env.getProperty("platform.embedded", Boolean.class, false) && DEMO_KEY.equals(properties.idHashKey())) {
            throw new IllegalStateException("set PLATFORM_ID_HASH_KEY: the demo key is for embedded mode only");
        }
        byte[] key = properties.idHashKey().getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    String hash(String idNumber) {
        String normalised = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
        return HexFormat.of().formatHex(macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
