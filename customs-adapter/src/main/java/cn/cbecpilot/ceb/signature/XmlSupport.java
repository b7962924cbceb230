package cn.cbecpilot.ceb.signature;

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
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parsing and writing of messages for signing. Builders and transformers are not thread-safe and are
 * costly to create, so each thread keeps its own. DOCTYPEs are refused outright: a CEB message never
 * has one, and refusing them closes off external entities and entity expansion.
 */
final class XmlSupport {

    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(XmlSupport::newBuilder);
    private static final ThreadLocal<Transformer> WRITERS = ThreadLocal.withInitial(XmlSupport::newWriter);

    private static final ErrorHandler SILENT = new DefaultHandler() {
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlSupport() {}

    static Document parse(byte[] xml) {
        DocumentBuilder builder = BUILDERS.get();
        // Without a handler the parser also prints each error to stderr before throwing it.
        builder.setErrorHandler(SILENT);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw CebSignatureException.unreadableXml(e);
        } finally {
            builder.reset();
        }
    }

    static byte[] serialize(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            WRITERS.get().transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw CebSignatureException.signingFailed(e);
        }
        return out.toByteArray();
    }

    private static DocumentBuilder newBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks the features a safe parse needs", e);
        }
    }

    private static Transformer newWriter() {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        try {
            Transformer transformer = factory.newTransformer();
            // Indenting would change the signed content: the bytes must come out as the DOM stands.
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            return transformer;
        } catch (TransformerException e) {
            throw new IllegalStateException("XML writer unavailable", e);
        }
    }
}
