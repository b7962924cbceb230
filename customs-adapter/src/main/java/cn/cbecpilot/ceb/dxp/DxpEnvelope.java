package cn.cbecpilot.ceb.dxp;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.SchemaSet;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Wraps CEB messages into {@code <DxpMsg ver="1.0" xmlns="http://www.chinaport.gov.cn/dxp">} and
 * unwraps them again; unwrapping also takes a bare {@code CEBnnnMessage}, as a push may carry either.
 * Envelopes are checked against the DXP schema both ways. Thread-safe.
 */
public final class DxpEnvelope {

    public static final String NAMESPACE = "http://www.chinaport.gov.cn/dxp";
    /** The customs node that receives import (cbi) messages. */
    public static final String IMPORT_RECEIVER = "DXPEDCCEB0000002";
    /** The customs node that receives export (cbe) messages, export returns included. */
    public static final String EXPORT_RECEIVER = "DXPEDCCEB0000003";

    private static final DateTimeFormatter CREAT_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private static final class Holder {
        static final SchemaSet SCHEMA = SchemaSet.compile(
                "DXP 2022",
                DxpEnvelope.class.getResource("/cn/cbecpilot/ceb/schema/xmldsig-core-schema.xsd"),
                DxpEnvelope.class.getResource("/cn/cbecpilot/ceb/schema/dxp-2022.xsd"));
    }

    private final XmlLimits limits;

    public DxpEnvelope() {
        this(XmlLimits.DEFAULT);
    }

    public DxpEnvelope(XmlLimits limits) {
        this.limits = limits;
    }

    public byte[] wrap(byte[] message, TransInfo info) {
        Document document = SafeXml.newDocument();
        Element root = document.createElementNS(NAMESPACE, "DxpMsg");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", NAMESPACE);
        root.setAttribute("ver", "1.0");
        document.appendChild(root);
        Element trans = child(root, "TransInfo", null);
        child(trans, "CopMsgId", info.copMsgId());
        child(trans, "SenderId", info.senderId());
        Element receivers = child(trans, "ReceiverIds", null);
        info.receiverIds().forEach(id -> child(receivers, "ReceiverId", id));
        child(trans, "CreatTime", CREAT_TIME.format(info.creatTime().withNano(0)));
        child(trans, "MsgType", info.msgType());
        child(root, "Data", Base64.getEncoder().encodeToString(message));
        Holder.SCHEMA.validate(document);
        return SafeXml.serialize(document);
    }

    /**
     * @throws CebXmlException when the envelope or the message inside is unsafe or malformed, or the
     *     envelope is against the DXP schema
     */
    public Unwrapped unwrap(byte[] xml) {
        Document outer = SafeXml.parse(xml, limits);
        Element root = outer.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"DxpMsg".equals(root.getLocalName())) {
            return new Unwrapped(Optional.empty(), xml, outer);
        }
        Holder.SCHEMA.validate(outer);
        byte[] message = decode(text(root, "Data"));
        return new Unwrapped(Optional.of(transInfo(root)), message, SafeXml.parse(message, limits));
    }

    private byte[] decode(String data) {
        // Base64 grows by a third; anything whose decoded form could not fit is refused undecoded.
        if (data.length() / 4L * 3 > limits.maxBytes() + 3L) {
            throw CebXmlException.of(Kind.TOO_LARGE, "DXP Data exceeds " + limits.maxBytes() + " bytes");
        }
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw CebXmlException.of(Kind.MALFORMED, "DXP Data is not Base64", e);
        }
    }

    private static TransInfo transInfo(Element root) {
        Element trans =
                (Element) root.getElementsByTagNameNS(NAMESPACE, "TransInfo").item(0);
        List<String> receivers = new ArrayList<>();
        NodeList ids = trans.getElementsByTagNameNS(NAMESPACE, "ReceiverId");
        for (int i = 0; i < ids.getLength(); i++) {
            receivers.add(ids.item(i).getTextContent().strip());
        }
        try {
            return new TransInfo(
                    text(trans, "CopMsgId"),
                    text(trans, "SenderId"),
                    receivers,
                    LocalDateTime.parse(text(trans, "CreatTime").replaceFirst("(Z|[+-]\\d\\d:\\d\\d)$", "")),
                    text(trans, "MsgType"));
        } catch (DateTimeParseException e) {
            throw CebXmlException.of(Kind.MALFORMED, "CreatTime is not a local date-time", e);
        }
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(NAMESPACE, name)
                .item(0)
                .getTextContent()
                .strip();
    }

    private static Element child(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    /**
     * What a DXP envelope or a bare message held.
     *
     * @param transInfo the routing, absent for a bare message
     * @param message the CEB message's bytes
     * @param document the CEB message, parsed safely
     */
    public record Unwrapped(Optional<TransInfo> transInfo, byte[] message, Document document) {}
}
