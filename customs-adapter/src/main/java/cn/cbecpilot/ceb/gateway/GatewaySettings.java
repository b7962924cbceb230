package cn.cbecpilot.ceb.gateway;

import java.time.ZoneId;
import java.util.Objects;

/**
 * @param senderDxpId the enterprise's DXP node, the envelope's {@code SenderId} (at most 16 characters)
 * @param zone the zone envelope times are written in; customs works in Beijing time
 */
public record GatewaySettings(String senderDxpId, ZoneId zone) {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public GatewaySettings {
        Objects.requireNonNull(senderDxpId, "senderDxpId");
        if (senderDxpId.isBlank() || senderDxpId.length() > 16) {
            throw new IllegalArgumentException("senderDxpId must be 1-16 characters: " + senderDxpId);
        }
        Objects.requireNonNull(zone, "zone");
    }

    public GatewaySettings(String senderDxpId) {
        this(senderDxpId, BEIJING);
    }
}
