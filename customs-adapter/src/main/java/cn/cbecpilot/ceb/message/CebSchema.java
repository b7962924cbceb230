package cn.cbecpilot.ceb.message;

import cn.cbecpilot.ceb.xml.SchemaSet;
import org.w3c.dom.Node;

/**
 * The adapter's own schema of the messages it handles ({@code ceb-2022.xsd}, written from the 2022
 * specification), compiled once for the whole JVM. Thread-safe.
 */
public final class CebSchema {

    private static final String FOLDER = "/cn/cbecpilot/ceb/schema/";

    private CebSchema() {}

    private static final class Holder {
        static final SchemaSet SCHEMA = SchemaSet.compile(
                "CEB 2022",
                CebSchema.class.getResource(FOLDER + "xmldsig-core-schema.xsd"),
                CebSchema.class.getResource(FOLDER + "ceb-2022.xsd"));
    }

    /**
     * @throws cn.cbecpilot.ceb.xml.CebXmlException of kind SCHEMA_VIOLATION, naming the first offence
     */
    public static void validate(Node documentOrRoot) {
        Holder.SCHEMA.validate(documentOrRoot);
    }
}
