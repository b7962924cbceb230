package cn.cbecpilot.ceb.signature;

import java.io.IOException;
import java.io.InputStream;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.NodeSetData;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformException;
import javax.xml.crypto.dsig.TransformService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Inclusive C14N 1.0 through the JDK's transform service, for the signature pair the JDK cannot
 * handle itself. The input is an XPath node-set, as XML-DSig defines it: for {@code URI=""} with the
 * enveloped transform, the whole document without comments and without the signature; for SignedInfo,
 * its subtree (the canonicaliser adds the namespaces it inherits).
 */
final class Canonical {

    /** The JDK's canonicaliser keeps per-call state, so each thread keeps its own. */
    private static final ThreadLocal<TransformService> C14N = ThreadLocal.withInitial(Canonical::newService);

    private Canonical() {}

    /** The enveloped-signature reference input: the document minus {@code excluded} and comments. */
    static byte[] documentWithout(Document document, Node excluded) {
        return canonicalise(collect(document, excluded, new ArrayList<>()));
    }

    static byte[] subtree(Element element) {
        return canonicalise(collect(element, null, new ArrayList<>()));
    }

    private static List<Node> collect(Node node, Node excluded, List<Node> into) {
        if (node == excluded || node.getNodeType() == Node.COMMENT_NODE) {
            return into;
        }
        into.add(node);
        NamedNodeMap attributes = node.getAttributes();
        if (attributes != null) {
            for (int i = 0; i < attributes.getLength(); i++) {
                into.add(attributes.item(i));
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, excluded, into);
        }
        return into;
    }

    private static byte[] canonicalise(List<Node> nodes) {
        NodeSetData<Node> data = nodes::iterator;
        try {
            OctetStreamData out = (OctetStreamData) C14N.get().transform(data, null);
            try (InputStream in = out.getOctetStream()) {
                return in.readAllBytes();
            }
        } catch (TransformException | IOException e) {
            throw CebSignatureException.signingFailed(e);
        }
    }

    private static TransformService newService() {
        try {
            TransformService service = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE, "DOM");
            service.init(null);
            return service;
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JDK lacks inclusive C14N", e);
        }
    }
}
