package cn.cbecpilot.ceb.message;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import cn.cbecpilot.ceb.xml.SafeXml;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes CEB requests as the 2022 schemas lay them out: the {@code ceb:} prefix of the official
 * request samples, elements in schema order, then {@code BaseTransfer}. The signature, where one is
 * needed, is added afterwards by the signer (import: last child; export: before ExtendMessage, which
 * is never written). Stateless and thread-safe.
 */
public final class CebWriter {

    static final String VERSION = "1.0";

    /** The spec asks for upper-case guids; its schema checks only the length, so the writer does the rest. */
    private static final Pattern GUID = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");

    /** The unsigned, unvalidated document, for signing; validate it with {@link CebSchema} once signed. */
    public Document render(CebRequest request) {
        if (!GUID.matcher(request.guid()).matches()) {
            throw CebXmlException.of(
                    Kind.SCHEMA_VIOLATION, "guid must be 36 upper-case hex digits and hyphens: " + request.guid());
        }
        Document document = SafeXml.newDocument();
        Element root = document.createElementNS(
                MessageType.NAMESPACE, XmlOut.PREFIX + request.type().rootName());
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ceb", MessageType.NAMESPACE);
        root.setAttribute("guid", request.guid());
        root.setAttribute("version", VERSION);
        document.appendChild(root);
        XmlOut out = new XmlOut(root);
        body(request, out);
        request.transfer().write(out.child("BaseTransfer"));
        return document;
    }

    /**
     * The validated bytes of a request that goes unsigned (311, 411, 511, 215).
     *
     * @throws cn.cbecpilot.ceb.xml.CebXmlException for a message against the schema, which includes a
     *     type that must be signed
     */
    public byte[] write(CebRequest request) {
        Document document = render(request);
        CebSchema.validate(document);
        return SafeXml.serialize(document);
    }

    private static void body(CebRequest request, XmlOut out) {
        if (request instanceof Ceb311Order m) {
            headAndLines(out.child("Order"), "OrderHead", m.head()::write, "OrderList", m.lines(), OrderList::write);
        } else if (request instanceof Ceb411Payment m) {
            m.head().write(out.child("Payment").child("PaymentHead"));
        } else if (request instanceof Ceb511Logistics m) {
            m.head().write(out.child("Logistics").child("LogisticsHead"));
        } else if (request instanceof Ceb621Inventory m) {
            headAndLines(
                    out.child("Inventory"),
                    "InventoryHead",
                    m.head()::write,
                    "InventoryList",
                    m.lines(),
                    InventoryList::write);
        } else if (request instanceof Ceb623InvtCancel m) {
            m.cancel().write(out.child("InvtCancel"));
        } else if (request instanceof Ceb625InvtRefund m) {
            headAndLines(
                    out.child("InvtRefund"),
                    "InvtRefundHead",
                    m.head()::write,
                    "InvtRefundList",
                    m.lines(),
                    InvtRefundList::write);
        } else if (request instanceof Ceb711Delivery m) {
            headAndLines(
                    out.child("Delivery"),
                    "DeliveryHead",
                    m.head()::write,
                    "DeliveryList",
                    m.lines(),
                    DeliveryList::write);
        } else if (request instanceof Ceb213ExportRefund m) {
            m.refunds()
                    .forEach(refund -> headAndLines(
                            out.child("InvtRefund"),
                            "InvtRefundHead",
                            refund.head()::write,
                            "InvtRefundList",
                            refund.lines(),
                            ExportRefundList::write));
        } else if (request instanceof Ceb215RefundDetail m) {
            m.details().forEach(detail -> detail.write(out.child("InvtRefundDetail")));
        }
    }

    private static <L> void headAndLines(
            XmlOut node,
            String headName,
            Consumer<XmlOut> head,
            String lineName,
            List<L> lines,
            BiConsumer<L, XmlOut> line) {
        head.accept(node.child(headName));
        lines.forEach(l -> line.accept(l, node.child(lineName)));
    }
}
