package cn.cbecpilot.platform.console;

import cn.cbecpilot.platform.customs.CustomsMessages;
import java.time.Instant;
import java.util.List;

/**
 * A customs message on the order page, its XML indented. A receipt whose status refuses the list (100, or a negative
 * one) carries the reasons the operator must read before declaring again.
 */
record MessageView(
        String type, String direction, String guid, Instant at, String returnStatus, String returnInfo, String xml) {

    static MessageView of(CustomsMessages.Listed m) {
        return new MessageView(
                m.type(), m.direction(), m.guid(), m.at(), m.returnStatus(), m.returnInfo(), PrettyXml.of(m.xml()));
    }

    boolean refusing() {
        return returnStatus != null && (returnStatus.equals("100") || returnStatus.startsWith("-"));
    }

    static List<MessageView> refusals(List<MessageView> messages) {
        return messages.stream().filter(MessageView::refusing).toList();
    }
}
