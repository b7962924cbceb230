package cn.cbecpilot.ceb.signature;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Where the ds:Signature goes in the message root. The import and export schemas order the trailing
 * elements differently: import ends {@code ExtendMessage, Signature}, export ends {@code Signature,
 * ExtendMessage}.
 */
public enum SignaturePlacement {
    /** Import requests (CEB311, 411, 511, 513, 621, 623, 625, 711): the signature is the last child. */
    LAST_CHILD,
    /** Export requests (CEB213, 215, 303, ...): the signature precedes {@code ExtendMessage} if present. */
    BEFORE_EXTEND_MESSAGE;

    static final String CEB_NAMESPACE = "http://www.chinaport.gov.cn/ceb";

    private static final Pattern MESSAGE_TYPE = Pattern.compile("CEB(\\d{3})(Message)?");
    private static final Set<String> IMPORT_REQUESTS = Set.of("311", "411", "511", "513", "621", "623", "625", "711");
    private static final Set<String> EXPORT_REQUESTS =
            Set.of("213", "215", "303", "403", "505", "507", "509", "603", "605", "607", "701");

    /**
     * The placement for a message type, given as {@code CEB621} or as the root name {@code CEB621Message}.
     *
     * @throws IllegalArgumentException for receipts and unknown types, which are never signed
     */
    public static SignaturePlacement forMessageType(String messageType) {
        Matcher m = MESSAGE_TYPE.matcher(messageType == null ? "" : messageType);
        if (m.matches() && IMPORT_REQUESTS.contains(m.group(1))) {
            return LAST_CHILD;
        }
        if (m.matches() && EXPORT_REQUESTS.contains(m.group(1))) {
            return BEFORE_EXTEND_MESSAGE;
        }
        throw new IllegalArgumentException(messageType + " is not a signed CEB request");
    }

    /** The child of {@code root} the signature is inserted before, or null to append it. */
    Node insertionPoint(Element root) {
        if (this == LAST_CHILD) {
            return null;
        }
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE
                    && CEB_NAMESPACE.equals(child.getNamespaceURI())
                    && "ExtendMessage".equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }
}
