package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.message.MessageType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One business document of a request as the simulator sees it: its head and lines as fields by name.
 *
 * @param type the request type
 * @param senderId the DXP node it came from, to address the receipts to
 * @param head the head's simple elements
 * @param lines each line's simple elements
 */
record Received(MessageType type, String senderId, Map<String, String> head, List<Map<String, String>> lines) {

    private static final Map<MessageType, String[]> NODES = Map.of(
            MessageType.CEB311, new String[] {"OrderHead", "OrderList"},
            MessageType.CEB411, new String[] {"PaymentHead", null},
            MessageType.CEB511, new String[] {"LogisticsHead", null},
            MessageType.CEB621, new String[] {"InventoryHead", "InventoryList"},
            MessageType.CEB623, new String[] {"InvtCancel", null},
            MessageType.CEB625, new String[] {"InvtRefundHead", "InvtRefundList"},
            MessageType.CEB213, new String[] {"InvtRefundHead", "InvtRefundList"},
            MessageType.CEB215, new String[] {"InvtRefundDetail", null});

    /** Whether the simulated customs takes this request type (the site's 711 entry detail it does not). */
    static boolean handles(MessageType type) {
        return NODES.containsKey(type);
    }

    /** Every business document of the message; a request may carry up to a hundred. */
    static List<Received> from(MessageType type, String senderId, Element root) {
        String[] names = NODES.get(type);
        NodeList heads = root.getElementsByTagNameNS(MessageType.NAMESPACE, names[0]);
        List<Received> documents = new ArrayList<>();
        for (int i = 0; i < heads.getLength(); i++) {
            Element head = (Element) heads.item(i);
            List<Map<String, String>> lines = new ArrayList<>();
            for (Node n = head.getParentNode().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (names[1] != null && names[1].equals(n.getLocalName())) {
                    lines.add(fields((Element) n));
                }
            }
            documents.add(new Received(type, senderId, fields(head), lines));
        }
        return documents;
    }

    String get(String name) {
        return head.get(name);
    }

    BigDecimal amount(String name) {
        String value = head.get(name);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    /** The number a scenario suffix is read from. */
    String key() {
        for (String name : List.of("copNo", "coElNo", "orderNo")) {
            if (head.containsKey(name)) {
                return head.get(name);
            }
        }
        return "";
    }

    private static Map<String, String> fields(Element element) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                fields.put(n.getLocalName(), n.getTextContent().strip());
            }
        }
        return fields;
    }
}
