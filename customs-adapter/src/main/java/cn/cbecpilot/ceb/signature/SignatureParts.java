package cn.cbecpilot.ceb.signature;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A ds:Signature read strictly: exactly the shape CEB uses (one whole-document reference, the
 * enveloped transform, inclusive C14N, one of our two algorithm pairs, a certificate in KeyInfo).
 * Anything else is refused before any cryptography runs, which keeps XML-DSig's wider attack surface
 * (external references, XSLT, many transforms) out of reach.
 */
record SignatureParts(
        Element signature,
        Element signedInfo,
        SignatureAlgorithm algorithm,
        byte[] digestValue,
        byte[] signatureValue,
        X509Certificate certificate) {

    static SignatureParts read(Element signature) {
        List<Element> top = children(signature);
        expect(top.size() == 3, "Signature must hold SignedInfo, SignatureValue and KeyInfo");
        Element signedInfo = named(top.get(0), "SignedInfo");
        List<Element> info = children(signedInfo);
        expect(info.size() == 3, "SignedInfo must hold exactly one Reference");
        expect(
                CanonicalizationMethod.INCLUSIVE.equals(algorithm(named(info.get(0), "CanonicalizationMethod"))),
                "canonicalisation must be inclusive C14N 1.0 without comments");
        Element reference = named(info.get(2), "Reference");
        expect(
                reference.hasAttribute("URI") && reference.getAttribute("URI").isEmpty(),
                "the Reference must cover the whole document (URI=\"\")");
        List<Element> ref = children(reference);
        expect(ref.size() == 3, "Reference must hold Transforms, DigestMethod and DigestValue");
        checkTransforms(children(named(ref.get(0), "Transforms")));
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromUris(
                        algorithm(named(info.get(1), "SignatureMethod")), algorithm(named(ref.get(1), "DigestMethod")))
                .orElseThrow(() -> new IllegalArgumentException("unsupported signature/digest pair"));
        return new SignatureParts(
                signature,
                signedInfo,
                algorithm,
                base64(named(ref.get(2), "DigestValue")),
                base64(named(top.get(1), "SignatureValue")),
                certificate(named(top.get(2), "KeyInfo")));
    }

    private static void checkTransforms(List<Element> transforms) {
        expect(!transforms.isEmpty() && transforms.size() <= 2, "one or two transforms expected");
        expect(
                Transform.ENVELOPED.equals(algorithm(named(transforms.get(0), "Transform"))),
                "the first transform must be enveloped-signature");
        expect(
                transforms.size() == 1
                        || CanonicalizationMethod.INCLUSIVE.equals(algorithm(named(transforms.get(1), "Transform"))),
                "only inclusive C14N may follow the enveloped transform");
    }

    private static X509Certificate certificate(Element keyInfo) {
        for (Element data : children(keyInfo)) {
            if ("X509Data".equals(data.getLocalName())) {
                for (Element cert : children(data)) {
                    if ("X509Certificate".equals(cert.getLocalName())) {
                        return parseCertificate(base64(cert));
                    }
                }
            }
        }
        throw new IllegalArgumentException("KeyInfo carries no X509Certificate");
    }

    private static X509Certificate parseCertificate(byte[] der) {
        try {
            // BouncyCastle's factory also reads certificates on the SM2 curve, which the JDK's may not.
            return (X509Certificate) CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("KeyInfo certificate unreadable: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) n);
            }
        }
        return elements;
    }

    private static Element named(Element element, String localName) {
        expect(
                XMLSignature.XMLNS.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName()),
                "expected ds:" + localName + " but found " + element.getNodeName());
        return element;
    }

    private static String algorithm(Element element) {
        return element.getAttribute("Algorithm");
    }

    private static byte[] base64(Element element) {
        return Base64.getMimeDecoder().decode(element.getTextContent().strip());
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
