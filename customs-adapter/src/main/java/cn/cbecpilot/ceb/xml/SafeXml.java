package cn.cbecpilot.ceb.xml;

import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses untrusted bytes into a namespace-aware DOM and writes DOMs back out. A DOCTYPE is refused
 * outright (a CEB message never has one), which closes off external entities and entity expansion;
 * the JDK's own limit stops deep nesting inside the parser, before any tree is built. Builders are
 * costly and not thread-safe, so each thread keeps its own.
 */
public final class SafeXml {

    /** The JDK parser's depth limit; see the {@code jdk.xml.maxElementDepth} system property. */
    private static final String MAX_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private static final ThreadLocal<Builders> BUILDERS = ThreadLocal.withInitial(Builders::new);
    private static final ThreadLocal<Transformer> WRITERS = ThreadLocal.withInitial(SafeXml::newWriter);

    private SafeXml() {}

    public static Document parse(byte[] xml, XmlLimits limits) {
        if (xml == null || xml.length == 0) {
            throw CebXmlException.of(Kind.MALFORMED, "empty message");
        }
        if (xml.length > limits.maxBytes()) {
            throw CebXmlException.of(
                    Kind.TOO_LARGE, "message of " + xml.length + " bytes exceeds " + limits.maxBytes() + " bytes");
        }
        DocumentBuilder builder = BUILDERS.get().forDepth(limits.maxDepth());
        builder.setErrorHandler(ParseErrors.RETHROW);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw ParseErrors.classify(e, limits);
        } catch (IOException e) {
            throw CebXmlException.of(Kind.MALFORMED, "unreadable message: " + e.getMessage(), e);
        } finally {
            builder.reset();
        }
    }

    /** A fresh empty document to build a message in. */
    public static Document newDocument() {
        return BUILDERS.get().forDepth(XmlLimits.DEFAULT.maxDepth()).newDocument();
    }

    /** The document as UTF-8 bytes, unindented: the bytes of a signed message must stay as signed. */
    public static byte[] serialize(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            WRITERS.get().transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return out.toByteArray();
    }

    private static Transformer newWriter() {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        try {
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.STANDALONE, "yes");
            return transformer;
        } catch (TransformerException e) {
            throw new IllegalStateException("XML writer unavailable", e);
        }
    }

    /** One builder per depth limit in use on this thread; in practice there is one. */
    private static final class Builders {
        private int depth = -1;
        private DocumentBuilder builder;

        DocumentBuilder forDepth(int maxDepth) {
            if (builder == null || depth != maxDepth) {
                builder = newBuilder(maxDepth);
                depth = maxDepth;
            }
            return builder;
        }

        private static DocumentBuilder newBuilder(int maxDepth) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            try {
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
                factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                factory.setAttribute(MAX_DEPTH, String.valueOf(maxDepth));
                return factory.newDocumentBuilder();
            } catch (ParserConfigurationException | IllegalArgumentException e) {
                throw new IllegalStateException("XML parser lacks the features a safe parse needs", e);
            }
        }
    }
}
