package cn.cbecpilot.ceb.xml;

import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A compiled schema from classpath resources. Compiling is slow and the result immutable and
 * thread-safe, so each schema is compiled once. A validator is not thread-safe and costs more to
 * set up than a small message takes to validate, so each thread keeps one, and drops it after a
 * violation so that nothing of a failed run is carried over. Imports carry no location: every
 * namespace comes from the resources given, so nothing is ever fetched.
 */
public final class SchemaSet {

    private final Schema schema;
    private final String name;
    private final ThreadLocal<Validator> validators;

    private SchemaSet(Schema schema, String name) {
        this.schema = schema;
        this.name = name;
        this.validators = ThreadLocal.withInitial(this::newValidator);
    }

    /** Compiles the resources, imported namespaces first. */
    public static SchemaSet compile(String name, URL... resources) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            List<Source> sources = new ArrayList<>();
            for (URL resource : resources) {
                sources.add(source(resource));
            }
            return new SchemaSet(factory.newSchema(sources.toArray(Source[]::new)), name);
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + name + " does not compile", e);
        }
    }

    /** Validates a DOM node (a document or its root element) against the schema. */
    public void validate(Node node) {
        try {
            validators.get().validate(new DOMSource(node));
        } catch (SAXException e) {
            validators.remove();
            throw CebXmlException.of(
                    Kind.SCHEMA_VIOLATION,
                    "against the " + name + " schema" + ParseErrors.where(e) + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            validators.remove();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            validators.remove();
            throw e;
        }
    }

    private Validator newValidator() {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the validator refuses to close external access", e);
        }
        validator.setErrorHandler(ParseErrors.RETHROW);
        return validator;
    }

    private static Source source(URL resource) {
        if (resource == null) {
            throw new IllegalStateException("schema resource missing from the classpath");
        }
        try (InputStream in = resource.openStream()) {
            return new StreamSource(new ByteArrayInputStream(in.readAllBytes()), resource.toExternalForm());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
