package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.simulator.Scenario;
import cn.cbecpilot.ceb.transport.HttpTransportSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform reaches the single window and what it declares with.
 *
 * @param singleWindowUrl where messages are POSTed; empty = the embedded simulator (embedded mode only)
 * @param inboundToken the bearer token the single window presents when it pushes receipts
 * @param transport HTTP to the single window, or FILE_DROP into the e-port client's folders
 * @param fileDropRoot the e-port client's folder (outbox/, inbox/ ...) for FILE_DROP
 * @param pollReceipts whether to fetch receipts from the single window besides taking pushed ones
 * @param receiptsUrl where receipts are fetched from when {@code pollReceipts} is on
 * @param senderDxpId the platform's DXP node id, the envelope's sender
 * @param signing the key customs checks our signatures with
 * @param declaration the fixed parts of every declaration (customs office, bonded zone, account book)
 * @param dispatch how often and how much the outbox dispatcher sends
 * @param http how hard the platform may press the single window over HTTP
 * @param simulatorReceiptDelay how long the embedded simulator waits before each receipt
 * @param simulatorScenario how the embedded simulator answers a declaration whose number names no scenario: released
 *     (ACCEPT_RELEASE), rejected, held, ... or taken over with no receipt at all (DROPPED_RECEIPTS: it keeps no poll
 *     queue), for rehearsing what the platform does then, or for receipts that come from elsewhere
 */
@Validated
@ConfigurationProperties("platform.customs")
public record CustomsProperties(
        String singleWindowUrl,
        @NotBlank String inboundToken,
        @NotNull Transport transport,
        String fileDropRoot,
        boolean pollReceipts,
        String receiptsUrl,
        @NotBlank @Size(max = 16) String senderDxpId,
        @Valid @NotNull Signing signing,
        @Valid @NotNull Declaration declaration,
        @Valid @NotNull Dispatch dispatch,
        @Valid @NotNull Http http,
        @NotNull Duration simulatorReceiptDelay,
        @NotNull Scenario simulatorScenario) {

    public enum Transport {
        HTTP,
        FILE_DROP
    }

    /**
     * @param keyStore a PKCS#12 file; empty = a demo key created in the data directory (embedded mode only)
     * @param algorithm RSA_SHA1 (the spec's legacy pair) or SM2_SM3
     */
    public record Signing(String keyStore, String password, @NotBlank String alias, @NotBlank String algorithm) {}

    /**
     * @param customsCode the customs office declared to (4 digits)
     * @param portCode the port of entry (4 digits)
     * @param emsNo the bonded warehouse's customs account book, debited on second-line exit
     * @param areaCode the warehouse company inside the bonded zone
     * @param agentCode the declarant (the platform itself when it declares)
     * @param logisticsCode the carrier that takes parcels from bond
     * @param unitGrossWeightKg a unit's gross weight, for the declared parcel weight
     */
    public record Declaration(
            @NotBlank String customsCode,
            @NotBlank String portCode,
            @NotBlank String emsNo,
            @NotBlank String areaCode,
            @NotBlank String areaName,
            @NotBlank String agentCode,
            @NotBlank String agentName,
            @NotBlank String logisticsCode,
            @NotBlank String logisticsName,
            @NotBlank String assureCode,
            @NotBlank String trafMode,
            @NotNull java.math.BigDecimal unitGrossWeightKg) {}

    /**
     * @param interval how often the dispatcher looks for due requests
     * @param batch how many requests one look claims
     * @param lease how long a claimed request is kept from other instances before it counts as abandoned
     */
    public record Dispatch(@NotNull Duration interval, @Positive int batch, @NotNull Duration lease) {}

    /**
     * The single window's own limits, which its operator publishes per enterprise: the adapter keeps under them
     * rather than having requests refused.
     *
     * @param callTimeout how long one attempt may take, answer included
     * @param requestsPerSecond how many requests may start in a second (the rate limiter)
     * @param maxConcurrentCalls how many requests may be in flight at once (the bulkhead)
     */
    public record Http(
            @NotNull Duration callTimeout, @Positive int requestsPerSecond, @Positive int maxConcurrentCalls) {

        HttpTransportSettings applyTo(HttpTransportSettings defaults) {
            var rate = defaults.rateLimit();
            return defaults.withTimeouts(defaults.connectTimeout(), callTimeout)
                    .withRateLimit(new HttpTransportSettings.RateLimitSettings(
                            requestsPerSecond, Duration.ofSeconds(1), rate.maxWait()))
                    .withMaxConcurrentCalls(maxConcurrentCalls);
        }
    }
}
