package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Appends CEB elements to a parent in the order they are added, with the spec's value formats.
 * Null values are optional elements left out.
 */
final class XmlOut {

    static final String PREFIX = "ceb:";

    private final Document document;
    private final Element parent;

    XmlOut(Element parent) {
        this.document = parent.getOwnerDocument();
        this.parent = parent;
    }

    XmlOut child(String name) {
        Element element = document.createElementNS(MessageType.NAMESPACE, PREFIX + name);
        parent.appendChild(element);
        return new XmlOut(element);
    }

    void add(String name, Object value) {
        if (value != null) {
            child(name).parent.setTextContent(format(value));
        }
    }

    static String format(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDateTime time) {
            return CebFormats.APP_TIME.format(time);
        }
        if (value instanceof LocalDate date) {
            return CebFormats.DATE.format(date);
        }
        return value.toString();
    }
}
