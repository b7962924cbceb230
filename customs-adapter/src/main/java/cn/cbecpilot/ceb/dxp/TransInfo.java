package cn.cbecpilot.ceb.dxp;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The routing part of a DXP envelope, held to the DXP schema's limits so that an envelope written from it is valid.
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
        within("copMsgId", copMsgId, 1, 255);
        within("senderId", senderId, 1, 16);
        receiverIds = List.copyOf(receiverIds);
        if (receiverIds.isEmpty() || receiverIds.size() > 5) {
            throw new IllegalArgumentException("1 to 5 receivers, not " + receiverIds.size());
        }
        receiverIds.forEach(id -> within("receiverId", id, 1, 16));
        Objects.requireNonNull(creatTime, "creatTime");
        within("msgType", msgType, 0, 30);
    }

    /** The schema's length limits, and no character XML cannot carry (a surrogate without its pair among them). */
    private static void within(String field, String value, int min, int max) {
        Objects.requireNonNull(value, field);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new IllegalArgumentException(field + " of " + length + " characters, not " + min + " to " + max);
        }
        if (value.codePoints().anyMatch(c -> c < 0x20 || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF))) {
            throw new IllegalArgumentException(field + " holds a character XML cannot carry");
        }
    }
}
