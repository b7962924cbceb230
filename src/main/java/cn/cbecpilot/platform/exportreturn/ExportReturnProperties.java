package cn.cbecpilot.platform.exportreturn;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of export returns.
 *
 * @param siteOperatorCode the customs registration of the supervision site's operator where returned goods arrive
 *     and are tallied (the CEB215 sender), unless a tally names another; in the pilot, the bonded zone's logistics
 *     company
 * @param siteOperatorName its name
 */
@Validated
@ConfigurationProperties("platform.export-returns")
public record ExportReturnProperties(
        @DefaultValue("1101980003") @NotBlank @Size(max = 18) String siteOperatorCode,
        @DefaultValue("天竺综保区保税物流有限公司") @NotBlank @Size(max = 100) String siteOperatorName) {}
