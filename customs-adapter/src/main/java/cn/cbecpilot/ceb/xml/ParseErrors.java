package cn.cbecpilot.ceb.xml;

import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Turns the parser's and validator's complaints into {@link CebXmlException}s of the right kind. */
final class ParseErrors {

    /** Without a handler the parser also prints every error to stderr before throwing it. */
    static final ErrorHandler RETHROW = new DefaultHandler() {
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private ParseErrors() {}

    static CebXmlException classify(SAXException e, XmlLimits limits) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("DOCTYPE")) {
            return CebXmlException.of(Kind.FORBIDDEN_CONSTRUCT, "DOCTYPE is not allowed in a CEB message", e);
        }
        if (text.contains("maxElementDepth") || text.contains("JAXP00010007")) {
            return CebXmlException.of(Kind.TOO_DEEP, "elements nest deeper than " + limits.maxDepth(), e);
        }
        return CebXmlException.of(Kind.MALFORMED, "not well-formed XML" + where(e) + ": " + text, e);
    }

    static String where(SAXException e) {
        return e instanceof SAXParseException p && p.getLineNumber() > 0
                ? " at line " + p.getLineNumber() + ", column " + p.getColumnNumber()
                : "";
    }
}
