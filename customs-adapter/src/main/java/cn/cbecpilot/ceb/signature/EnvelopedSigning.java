package cn.cbecpilot.ceb.signature;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** One algorithm's way of adding an enveloped ds:Signature to a message root. */
interface EnvelopedSigning {

    /** Inserts the signature into {@code root} before {@code nextSibling}, or last when it is null. */
    void sign(Element root, Node nextSibling) throws Exception;
}
