package cn.cbecpilot.ceb.message;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes and reads the CEB816 electronic tax bill, whose lines {@link ReceiptReader} leaves out (it reads the head as
 * a receipt). Both directions check the adapter's schema. Stateless and thread-safe.
 */
public final class TaxBills {

    private final XmlLimits limits;

    public TaxBills() {
        this(XmlLimits.DEFAULT);
    }

    public TaxBills(XmlLimits limits) {
        this.limits = limits;
    }

    /** @throws CebXmlException of kind SCHEMA_VIOLATION when a bill breaks the schema (lengths, digits) */
    public byte[] write(String messageGuid, List<TaxBill> bills) {
        Document document = SafeXml.newDocument();
        Element root = document.createElementNS(MessageType.NAMESPACE, XmlOut.PREFIX + MessageType.CEB816.rootName());
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ceb", MessageType.NAMESPACE);
        root.setAttribute("guid", messageGuid);
        root.setAttribute("version", CebWriter.VERSION);
        document.appendChild(root);
        XmlOut out = new XmlOut(root);
        for (TaxBill bill : bills) {
            XmlOut tax = out.child("Tax");
            bill.head().write(tax.child("TaxHeadRd"));
            bill.lines().forEach(line -> line.write(tax.child("TaxListRd")));
        }
        CebSchema.validate(document);
        return SafeXml.serialize(document);
    }

    /** @throws CebXmlException for anything unsafe, malformed, against the schema, or not a CEB816 */
    public List<TaxBill> read(byte[] xml) {
        Document document = SafeXml.parse(xml, limits);
        Element root = document.getDocumentElement();
        if (!MessageType.NAMESPACE.equals(root.getNamespaceURI())
                || !MessageType.CEB816.rootName().equals(root.getLocalName())) {
            throw CebXmlException.of(Kind.UNSUPPORTED_TYPE, root.getLocalName() + " is not a CEB816 tax bill");
        }
        CebSchema.validate(document);
        List<TaxBill> bills = new ArrayList<>();
        for (Element tax : children(root, "Tax")) {
            Map<String, String> h = fields(children(tax, "TaxHeadRd").get(0));
            List<TaxBill.Line> lines = children(tax, "TaxListRd").stream()
                    .map(TaxBills::fields)
                    .map(l -> new TaxBill.Line(
                            Integer.parseInt(l.get("gnum")),
                            l.get("gcode"),
                            new BigDecimal(l.get("taxPrice")),
                            new BigDecimal(l.get("customsTax")),
                            new BigDecimal(l.get("valueAddedTax")),
                            new BigDecimal(l.get("consumptionTax"))))
                    .toList();
            bills.add(new TaxBill(head(h), lines));
        }
        return bills;
    }

    private static TaxBill.Head head(Map<String, String> h) {
        return new TaxBill.Head(
                h.get("guid"),
                CebFormats.returnTime(h.get("returnTime"))
                        .orElseThrow(() -> CebXmlException.of(Kind.MALFORMED, "returnTime is not a time")),
                h.get("invtNo"),
                h.get("taxNo"),
                new BigDecimal(h.get("customsTax")),
                new BigDecimal(h.get("valueAddedTax")),
                new BigDecimal(h.get("consumptionTax")),
                h.get("status"),
                h.get("entDutyNo"),
                h.get("note"),
                h.get("assureCode"),
                h.get("ebcCode"),
                h.get("logisticsCode"),
                h.get("agentCode"),
                h.get("customsCode"));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Map<String, String> fields(Element element) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element child : childElements(element)) {
            fields.put(child.getLocalName(), child.getTextContent().strip());
        }
        return fields;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }
}
