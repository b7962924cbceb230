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
        String text = new String(xml, charsetOf(document));
        NodeList returns = root.getElementsByTagNameNS(MessageType.NAMESPACE, type.returnElement());
        List<Receipt> receipts = new ArrayList<>(returns.getLength());
        for (int i = 0; i < returns.getLength(); i++) {
            receipts.add(receipt(type, root.getAttribute("guid"), fields((Element) returns.item(i)), text));
        }
        return receipts;
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
