package cn.cbecpilot.ceb.dxp;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The routing part of a DXP envelope.
 *
 * @param copMsgId the sender's id of this transmission; the adapter uses the message guid
 * @param senderId the sender's DXP node, e.g. {@code DXPENT0000012345}
 * @param receiverIds one to five receiving nodes
 * @param creatTime when the envelope was made (the spec's spelling), Beijing local time
 * @param msgType the wrapped message's root name, e.g. {@code CEB621Message}
 */
public record TransInfo(
        String copMsgId, String senderId, List<String> receiverIds, LocalDateTime creatTime, String msgType) {

    public TransInfo {
        Objects.requireNonNull(copMsgId, "copMsgId");
        Objects.requireNonNull(senderId, "senderId");
        receiverIds = List.copyOf(receiverIds);
        if (receiverIds.isEmpty() || receiverIds.size() > 5) {
            throw new IllegalArgumentException("1 to 5 receivers, not " + receiverIds.size());
        }
        Objects.requireNonNull(creatTime, "creatTime");
        Objects.requireNonNull(msgType, "msgType");
    }
}
