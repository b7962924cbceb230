package cn.cbecpilot.platform.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the import order lifecycle.
 *
 * @param relayPartnerMessages whether the platform also sends the payment (CEB411) and waybill (CEB511) for its
 *     payment and logistics partners, so that customs (or the simulator) can run the tri-data match
 * @param returnRequestWindow how long after release a buyer may ask for a return (CEB625 within 30 days)
 * @param returnArrivalWindow how long after release returned goods may come back into bond (45 days)
 */
@ConfigurationProperties("platform.lifecycle")
public record LifecycleProperties(
        @DefaultValue("true") boolean relayPartnerMessages,
        @DefaultValue("30d") Duration returnRequestWindow,
        @DefaultValue("45d") Duration returnArrivalWindow) {}
