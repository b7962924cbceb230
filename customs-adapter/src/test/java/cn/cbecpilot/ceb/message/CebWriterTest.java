package cn.cbecpilot.ceb.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.ceb.signature.CebSigner;
import cn.cbecpilot.ceb.signature.DemoKeys;
import cn.cbecpilot.ceb.signature.SignatureAlgorithm;
import cn.cbecpilot.ceb.signature.SignaturePlacement;
import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.SafeXml;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class CebWriterTest {

    static final CebSigner SIGNER = new CebSigner(DemoKeys.generate(SignatureAlgorithm.RSA_SHA1, "writer-test"));
    private final CebWriter writer = new CebWriter();

    static Stream<CebRequest> requests() {
        return Parcel.of("ORD20261203001", "COP20261203001").allRequests().stream();
    }

    /** Rendered and, where customs requires it, signed: what the gateway sends. */
    static Document finished(CebRequest request) {
        Document document = new CebWriter().render(request);
        if (request.type().requiresSignature()) {
            SIGNER.sign(
                    document, SignaturePlacement.forMessageType(request.type().rootName()));
        }
        return document;
    }

    @ParameterizedTest
    @MethodSource("requests")
    void everyRequestValidatesAgainstTheAdaptersSchemaAndTheOfficialOne(CebRequest request) throws Exception {
        Document document = SafeXml.parse(SafeXml.serialize(finished(request)), cn.cbecpilot.ceb.xml.XmlLimits.DEFAULT);

        CebSchema.validate(document);
        OfficialSchemas.validate(request.type(), document);
        assertThat(document.getDocumentElement().getLocalName())
                .isEqualTo(request.type().rootName());
    }

    @Test
    void orderCarriesTheSpecsSpellingAndOrderOfTheAmounts() {
        Parcel parcel = Parcel.of("ORD1", "COP1");
        Element head = first(writer.render(parcel.order()), "OrderHead");

        assertThat(childNames(head))
                .containsSubsequence("goodsValue", "freight", "discount", "taxTotal", "acturalPaid", "currency")
                .doesNotContain("actualPaid");
        assertThat(text(head, "acturalPaid"))
                .isEqualTo(parcel.total().toPlainString())
                .isEqualTo("291.30");
    }

    @Test
    void writesGuidUpperCaseAndTimesAndDatesInTheSpecsFormats() {
        Document document = writer.render(Parcel.of("ORD1", "COP1").inventory());
        Element head = first(document, "InventoryHead");

        assertThat(document.getDocumentElement().getAttribute("guid"))
                .hasSize(36)
                .isUpperCase()
                .isEqualTo(text(head, "guid"));
        assertThat(text(head, "appTime")).isEqualTo("20261203101530");
        assertThat(text(head, "declTime")).isEqualTo("20261203");
    }

    @Test
    void importSignatureIsTheLastChildAndExportSignatureFollowsTheSubscriptionBlocks() {
        Parcel parcel = Parcel.of("ORD1", "COP1");

        assertThat(childNames(finished(parcel.inventory()).getDocumentElement()))
                .containsExactly("Inventory", "BaseTransfer", "Signature");
        assertThat(childNames(
                        finished(parcel.exportRefund("01102026E000000001")).getDocumentElement()))
                .containsExactly("InvtRefund", "BaseTransfer", "Signature");
    }

    @Test
    void refusesToWriteASignedTypeWithoutItsSignature() {
        assertThatThrownBy(() -> writer.write(Parcel.of("ORD1", "COP1").inventory()))
                .isInstanceOfSatisfying(CebXmlException.class, e -> assertThat(e.kind())
                        .isEqualTo(CebXmlException.Kind.SCHEMA_VIOLATION))
                .hasMessageContaining("Signature");
    }

    @Test
    void refusesALowerCaseGuid() {
        Ceb311Order order = Parcel.of("ORD1", "COP1").order();
        OrderHead h = order.head();
        OrderHead lower = new OrderHead(
                h.guid().toLowerCase(),
                h.appType(),
                h.appTime(),
                h.appStatus(),
                h.orderType(),
                h.orderNo(),
                h.ebpCode(),
                h.ebpName(),
                h.ebcCode(),
                h.ebcName(),
                h.goodsValue(),
                h.freight(),
                h.discount(),
                h.taxTotal(),
                h.acturalPaid(),
                h.currency(),
                h.buyerRegNo(),
                h.buyerName(),
                h.buyerTelephone(),
                h.buyerIdType(),
                h.buyerIdNumber(),
                h.payCode(),
                h.payName(),
                h.payTransactionId(),
                h.batchNumbers(),
                h.consignee(),
                h.consigneeTelephone(),
                h.consigneeAddress(),
                h.consigneeDistrict(),
                h.note());

        assertThatThrownBy(() -> writer.write(new Ceb311Order(lower, order.lines(), order.transfer())))
                .isInstanceOf(CebXmlException.class)
                .hasMessageContaining("guid");
    }

    @Test
    void refusesAmountsWithMoreThanFiveDecimals() {
        Parcel parcel = Parcel.of("ORD1", "COP1").withPrice(new BigDecimal("1.123456"));

        assertThatThrownBy(() -> writer.write(parcel.order())).isInstanceOf(CebXmlException.class);
    }

    @Test
    void writesUnsignedTypesAsUtf8Bytes() {
        String xml = new String(writer.write(Parcel.of("ORD1", "COP1").payment()), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml").contains("<ceb:CEB411Message").contains("张三");
    }

    static Element first(Document document, String name) {
        return (Element)
                document.getElementsByTagNameNS(MessageType.NAMESPACE, name).item(0);
    }

    static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(MessageType.NAMESPACE, name)
                .item(0)
                .getTextContent();
    }

    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                names.add(n.getLocalName());
            }
        }
        return names;
    }
}
