package cn.cbecpilot.platform.console;

import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * A customs message indented for reading. The text stays text: the page escapes it. A message that does not parse is
 * shown as it was kept, since the console must show what went over the wire whatever it is.
 */
final class PrettyXml {

    private PrettyXml() {}

    static String of(String xml) {
        if (xml == null) {
            return "";
        }
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new StreamSource(new StringReader(collapsed(xml))), new StreamResult(out));
            return out.toString().replaceAll("(?m)^\\s*\\R", "");
        } catch (TransformerException | IllegalArgumentException e) {
            return xml;
        }
    }

    /** Whitespace between tags would otherwise be kept and doubled by the indentation. */
    private static String collapsed(String xml) {
        return xml.replaceAll(">\\s+<", "><");
    }
}
