package cn.cbecpilot.ceb.message;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import cn.cbecpilot.ceb.xml.SafeXml;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes receipt messages, in the default namespace as the official receipt samples are; used by the
 * single-window simulator. Each receipt is given as its fields by name; they are written in the
 * schema's order, absent ones left out, and the result is validated.
 */
public final class ReceiptWriter {

    private static final Map<MessageType, List<String>> ORDER = Map.of(
            MessageType.CEB312,
                    List.of("guid", "ebpCode", "ebcCode", "orderNo", "returnStatus", "returnTime", "returnInfo"),
            MessageType.CEB412,
                    List.of("guid", "payCode", "payTransactionId", "returnStatus", "returnTime", "returnInfo"),
            MessageType.CEB512,
                    List.of("guid", "logisticsCode", "logisticsNo", "returnStatus", "returnTime", "returnInfo"),
            MessageType.CEB622, invtReturn("customsCode", "ebpCode", "ebcCode", "agentCode"),
            MessageType.CEB624, invtReturn("customsCode", "agentCode", "ebpCode", "ebcCode"),
            MessageType.CEB626, invtReturn("customsCode", "agentCode", "ebpCode", "ebcCode"),
            MessageType.CEB214,
                    List.of(
                            "guid",
                            "ebpCode",
                            "ebcCode",
                            "agentCode",
                            "coElNo",
                            "preNo",
                            "invtNo",
                            "returnStatus",
                            "returnTime",
                            "returnInfo"),
            MessageType.CEB216,
                    List.of(
                            "guid",
                            "operatorCode",
                            "logisticsCode",
                            "logisticsNo",
                            "coElNo",
                            "preNo",
                            "returnStatus",
                            "returnTime",
                            "returnInfo"),
            MessageType.CEB900,
                    List.of(
                            "guid",
                            "returnStatus",
                            "returnInfo",
                            "returnTime",
                            "oriCopMsgId",
                            "oriMessageType",
                            "oriBizMessage"));

    /**
     * @throws CebXmlException of kind SCHEMA_VIOLATION when a required field is missing or too long,
     *     or UNSUPPORTED_TYPE for the tax bill, which {@link TaxBills} writes
     */
    public byte[] write(MessageType type, String messageGuid, List<Map<String, String>> receipts) {
        List<String> order = ORDER.get(type);
        if (order == null) {
            throw CebXmlException.of(Kind.UNSUPPORTED_TYPE, type + " is not a receipt this writer issues");
        }
        Document document = SafeXml.newDocument();
        Element root = document.createElementNS(MessageType.NAMESPACE, type.rootName());
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", MessageType.NAMESPACE);
        root.setAttribute("guid", messageGuid);
        root.setAttribute("version", CebWriter.VERSION);
        document.appendChild(root);
        for (Map<String, String> receipt : receipts) {
            Element element = document.createElementNS(MessageType.NAMESPACE, type.returnElement());
            root.appendChild(element);
            for (String name : order) {
                String value = receipt.get(name);
                if (value != null) {
                    Element field = document.createElementNS(MessageType.NAMESPACE, name);
                    field.setTextContent(value);
                    element.appendChild(field);
                }
            }
        }
        CebSchema.validate(document);
        return SafeXml.serialize(document);
    }

    private static List<String> invtReturn(String... parties) {
        List<String> fields = new java.util.ArrayList<>();
        fields.add("guid");
        fields.addAll(List.of(parties));
        fields.addAll(List.of("copNo", "preNo", "invtNo", "returnStatus", "returnTime", "returnInfo"));
        return List.copyOf(fields);
    }
}
