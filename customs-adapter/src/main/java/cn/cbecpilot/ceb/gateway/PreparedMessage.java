package cn.cbecpilot.ceb.gateway;

import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.transport.OutboundMessage;
import java.util.Objects;

/**
 * A request ready to leave.
 *
 * @param type the message type
 * @param guid the message guid
 * @param xml the CEB message as validated and, where needed, signed: what the platform keeps on the
 *     order's message list
 * @param outbound the DXP envelope around it, as the transport delivers it
 */
public record PreparedMessage(MessageType type, String guid, String xml, OutboundMessage outbound) {

    public PreparedMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(outbound, "outbound");
    }
}
