package cn.cbecpilot.platform.privacy;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seals personal data before it is written and opens it where the platform needs it in clear (the messages to
 * customs, masking). Values written before sealing existed are read as they are, until {@link Resealing} seals them.
 */
@Component
@EnableConfigurationProperties(PrivacyProperties.class)
public class PersonalData {

    /** The key of the embedded demo: public in the source, so refused outside embedded mode. */
    static final String DEMO_KEY_ID = "demo";
    /**
     * Its value as application.yml ships it, refused under any id: copied into PLATFORM_DATA_KEYS under a name of
     * its own it is no less public. Old values sealed with it can still be opened while another key is current.
     */
    private static final byte[] DEMO_KEY = Base64.getDecoder().decode("DzJuE7e8AIX0HuviO8SG1UKCcTI5FTIhXZj25oY+vgA=");

    private final PersonalDataCipher cipher;

    PersonalData(PrivacyProperties properties, Environment env) {
        Map<String, byte[]> keys = parse(properties.dataKeys());
        boolean embedded = env.getProperty("platform.embedded", Boolean.class, false);
        String current = properties.currentKeyId();
        if (!embedded && (DEMO_KEY_ID.equals(current) || Arrays.equals(DEMO_KEY, keys.get(current)))) {
            throw new IllegalStateException("set PLATFORM_DATA_KEYS and PLATFORM_DATA_KEY_ID: the demo data key is for"
                    + " embedded mode only");
        }
        this.cipher = new PersonalDataCipher(keys, properties.currentKeyId());
    }

    public String seal(String plain) {
        return cipher.seal(plain);
    }

    public String open(String stored) {
        return stored == null || !stored.startsWith("pd1:") ? stored : cipher.open(stored);
    }

    /** Whether the stored value should be sealed again: in clear, or sealed with a key that is no longer current. */
    boolean isStale(String stored) {
        return stored != null && cipher.isStale(stored);
    }

    String currentKeyId() {
        return cipher.currentKeyId();
    }

    private static Map<String, byte[]> parse(String ring) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : ring.split(",")) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("PLATFORM_DATA_KEYS entries must read id:base64-key");
            }
            try {
                keys.put(
                        entry.substring(0, colon).strip(),
                        Base64.getDecoder().decode(entry.substring(colon + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("data key '" + entry.substring(0, colon) + "' is not base64", e);
            }
        }
        return keys;
    }
}
