package cn.cbecpilot.platform.privacy;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key ring personal data is sealed with.
 *
 * @param dataKeys comma-separated {@code id:base64} pairs, each a 32-byte AES key; old keys stay listed after a
 *     rotation so that values sealed with them can still be opened (and are re-sealed by {@link Resealing})
 * @param currentKeyId the id of the key new values are sealed with
 */
@Validated
@ConfigurationProperties("platform.privacy")
record PrivacyProperties(@NotBlank String dataKeys, @NotBlank String currentKeyId) {}
