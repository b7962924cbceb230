package cn.cbecpilot.platform.order;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the customs list number ({@code invtNo}) a receipt carries, with DTDs and external entities off. */
final class InventoryNumbers {

    private static final XMLInputFactory XML = safeFactory();

    private InventoryNumbers() {}

    /** The first non-empty {@code invtNo} in the receipt, or null (none yet, or not a bare CEB message). */
    static String in(String xml) {
        if (xml == null || !xml.contains("invtNo")) {
            return null;
        }
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.START_ELEMENT && "invtNo".equals(reader.getLocalName())) {
                        String text = reader.getElementText().strip();
                        if (!text.isEmpty()) {
                            return text.length() > 20 ? null : text;
                        }
                    }
                }
                return null;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return null;
        }
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
