package cn.cbecpilot.ceb.message;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads receipt messages (312, 412, 512, 622, 624, 626, 816, 900, 214, 216) after a safe parse and a
 * check against the adapter's schema. Thread-safe.
 */
public final class ReceiptReader {

    private final XmlLimits limits;

    public ReceiptReader() {
        this(XmlLimits.DEFAULT);
    }

    public ReceiptReader(XmlLimits limits) {
        this.limits = limits;
    }

    /**
     * @param xml a bare {@code CEBnnnMessage} (unwrap a DXP envelope first)
     * @throws CebXmlException for anything unsafe, malformed, against the schema, or not a receipt
     */
    public List<Receipt> read(byte[] xml) {
        return read(SafeXml.parse(xml, limits), xml);
    }

    /** For a document already parsed safely from {@code xml}. */
    public List<Receipt> read(Document document, byte[] xml) {
        Element root = document.getDocumentElement();
        if (!MessageType.NAMESPACE.equals(root.getNamespaceURI())) {
            throw CebXmlException.of(
                    Kind.UNSUPPORTED_TYPE, "root " + root.getLocalName() + " is not in the CEB namespace");
        }
        MessageType type = MessageType.receiptOf(root.getLocalName());
        CebSchema.validate(document);
        NodeList returns = root.getElementsByTagNameNS(MessageType.NAMESPACE, type.returnElement());
        List<Receipt> receipts = new ArrayList<>(returns.getLength());
        String whole = returns.getLength() == 1 ? new String(xml, charsetOf(document)) : null;
        for (int i = 0; i < returns.getLength(); i++) {
            Element returned = (Element) returns.item(i);
            String own = whole != null ? whole : alone(root, returned);
            receipts.add(receipt(type, root.getAttribute("guid"), fields(returned), own));
        }
        return receipts;
    }

    /**
     * A message of several receipts (up to 100 inventory receipts in one CEB622, several bills in one CEB816) reduced
     * to one of them: its root with the root's attributes around the root's child that is, or holds, the receipt's
     * element (an {@code InventoryReturn}; the {@code Tax} around a {@code TaxHeadRd} and its {@code TaxListRd}s). What
     * is kept of each receipt, and read again from it, is then that receipt's own: its list number, its bill, the
     * request it refuses; and a message of n receipts is kept once in n parts, not n times whole.
     */
    private static String alone(Element root, Element returned) {
        Node part = returned;
        while (part.getParentNode() != root) {
            part = part.getParentNode();
        }
        Document single = SafeXml.newDocument();
        Node message = single.importNode(root, false);
        message.appendChild(single.importNode(part, true));
        single.appendChild(message);
        return new String(SafeXml.serialize(single), StandardCharsets.UTF_8);
    }

    private static Receipt receipt(MessageType type, String messageGuid, Map<String, String> f, String xml) {
        boolean tax = type == MessageType.CEB816;
        String returnTime = f.get("returnTime");
        LocalDateTime at = CebFormats.returnTime(returnTime)
                .orElseThrow(() -> CebXmlException.of(Kind.MALFORMED, "returnTime is not a time: " + returnTime));
        return new Receipt(
                type,
                messageGuid,
                f.get("guid"),
                Optional.ofNullable(f.getOrDefault("copNo", f.get("coElNo"))),
                Optional.ofNullable(f.get("preNo")),
                Optional.ofNullable(f.get("invtNo")),
                tax ? f.get("status") : f.get("returnStatus"),
                at,
                tax ? f.getOrDefault("note", "") : f.get("returnInfo"),
                f,
                xml);
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

    private static Charset charsetOf(Document document) {
        try {
            String encoding = document.getInputEncoding();
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
