package cn.cbecpilot.ceb.signature;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.XmlLimits;
import org.w3c.dom.Document;

/**
 * Parsing and writing of messages for signing, through {@link SafeXml}: no DOCTYPE (so no external
 * entities and no entity expansion), bounded size and depth, and the bytes written exactly as the DOM
 * stands, since indenting would change the signed content.
 */
final class XmlSupport {

    private XmlSupport() {}

    static Document parse(byte[] xml) {
        try {
            return SafeXml.parse(xml, XmlLimits.DEFAULT);
        } catch (CebXmlException e) {
            throw CebSignatureException.unreadableXml(e);
        }
    }

    static byte[] serialize(Document document) {
        try {
            return SafeXml.serialize(document);
        } catch (IllegalStateException e) {
            throw CebSignatureException.signingFailed(e);
        }
    }
}
