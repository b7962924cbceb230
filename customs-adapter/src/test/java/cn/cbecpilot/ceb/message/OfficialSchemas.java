package cn.cbecpilot.ceb.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The official 2022 XSDs and samples in the shared reference folder. They are not copied into the
 * module on purpose: the tests compare the adapter's own schema with the originals, so a missing
 * folder must fail the build rather than let the comparison pass unseen.
 */
public final class OfficialSchemas {

    private static final Path REFERENCE = locate();
    private static final Schema IMPORT = compile("ceb-import-2022.xsd");
    private static final Schema EXPORT = compile("ceb-export-2022.xsd");

    private OfficialSchemas() {}

    public static Path reference() {
        return REFERENCE;
    }

    /** Validates against the official import or export schema, as the message type belongs to. */
    public static void validate(MessageType type, Node document) throws SAXException, IOException {
        Schema schema = type.flow() == MessageType.Flow.EXPORT ? EXPORT : IMPORT;
        schema.newValidator().validate(new DOMSource(document));
    }

    public static Stream<Path> samples() throws IOException {
        return Stream.concat(
                        Files.list(REFERENCE.resolve("samples/import")),
                        Files.list(REFERENCE.resolve("samples/export")))
                .filter(p -> p.toString().endsWith(".xml"))
                .sorted();
    }

    private static Path locate() {
        String configured = System.getProperty("ceb.reference");
        if (configured != null && Files.isDirectory(Path.of(configured, "xsd"))) {
            return Path.of(configured);
        }
        if (configured != null) {
            throw new IllegalStateException("-Dceb.reference=" + configured + " holds no xsd/ folder of the official"
                    + " CEB 2022 reference; the schema tests compare against it and cannot run without it.");
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/ceb-2022");
            if (Files.isDirectory(candidate.resolve("xsd"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("The official CEB 2022 reference (shared/reference/ceb-2022 with xsd/ and"
                + " samples/) was not found above " + Path.of("").toAbsolutePath()
                + ". The schema tests compare against it and cannot run without it; check it out beside the"
                + " repository or pass -Dceb.reference=/path/to/ceb-2022.");
    }

    private static Schema compile(String file) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(REFERENCE.resolve("xsd").resolve(file).toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("official schema " + file + " does not compile", e);
        }
    }
}
