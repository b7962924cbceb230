package cn.cbecpilot.platform.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What an operator of the platform sets.
 *
 * @param platformCode the customs code of the pilot platform this storefront runs for
 * @param defaultSellerCode the seller (ebc) of products added without one
 * @param pilotRegions regions where the drug and device pilot runs (the platform must be registered in one)
 * @param freightFlat freight charged per order below {@code freightFreeFrom}
 * @param paymentTimeout how long an unpaid order holds its stock and quota
 * @param idHashKey the secret keying the hash by which a buyer's annual quota is found without storing the ID in clear
 */
@Validated
@ConfigurationProperties("platform")
public record PlatformProperties(
        @NotBlank String platformCode,
        @NotBlank String defaultSellerCode,
        @NotEmpty List<String> pilotRegions,
        @NotNull BigDecimal freightFlat,
        @NotNull BigDecimal freightFreeFrom,
        @NotNull Duration paymentTimeout,
        @NotBlank String idHashKey) {}
