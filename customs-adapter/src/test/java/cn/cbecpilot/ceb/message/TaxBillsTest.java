package cn.cbecpilot.ceb.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CEB816 tax bill: written to the schema, read back whole, accepted by the official import XSD. */
class TaxBillsTest {

    private static final LocalDateTime ISSUED = LocalDateTime.of(2026, 12, 3, 10, 15, 30, 123_000_000);

    private final TaxBills bills = new TaxBills();

    @Test
    void writesATaxBillThatTheOfficialImportSchemaAccepts() throws Exception {
        byte[] xml = bills.write(CebFormats.newGuid(), List.of(bill("01142026I000000001")));

        OfficialSchemas.validate(MessageType.CEB816, SafeXml.parse(xml, XmlLimits.DEFAULT));
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<ceb:returnTime>20261203101530123</ceb:returnTime>")
                .contains("<ceb:valueAddedTax>21.66</ceb:valueAddedTax>");
    }

    @Test
    void readsBackEveryBillWithItsLines() {
        byte[] xml = bills.write(CebFormats.newGuid(), List.of(bill("01142026I000000001"), bill("01142026I000000002")));

        List<TaxBill> read = bills.read(xml);

        assertThat(read).containsExactly(bill("01142026I000000001"), bill("01142026I000000002"));
        assertThat(read.get(0).head().total()).isEqualByComparingTo("21.66");
    }

    @Test
    void theReceiptReaderTakesTheHeadAsAReceiptOfTheListsGuid() {
        byte[] xml = bills.write(CebFormats.newGuid(), List.of(bill("01142026I000000001")));

        Receipt receipt = new ReceiptReader().read(xml).get(0);

        assertThat(receipt.messageType()).isEqualTo(MessageType.CEB816);
        assertThat(receipt.guid()).isEqualTo(LIST_GUID);
        assertThat(receipt.invtNo()).contains("01142026I000000001");
        assertThat(receipt.returnStatus()).isEqualTo("1");
        assertThat(receipt.field("taxNo")).contains("T20261203000000001");
    }

    @Test
    void refusesABillThatBreaksTheSchema() {
        TaxBill tooLong =
                new TaxBill(head("01142026I0000000012345"), List.of(line(1, "3004909099", "136.00", "12.38")));

        assertThatThrownBy(() -> bills.write(CebFormats.newGuid(), List.of(tooLong)))
                .isInstanceOf(CebXmlException.class)
                .hasMessageContaining("invtNo");
    }

    @Test
    void refusesToReadAnotherMessageAsATaxBill() {
        byte[] receipt = ("<CEB624Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + LIST_GUID
                        + "\" version=\"1.0\"/>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> bills.read(receipt))
                .isInstanceOf(CebXmlException.class)
                .hasMessageContaining("not a CEB816");
    }

    private static final String LIST_GUID = "4CDE1A2B-0A1B-4C2D-9E8F-0123456789AB";

    /** A bill of two lines for the list numbered {@code invtNo}. */
    static TaxBill bill(String invtNo) {
        return new TaxBill(
                head(invtNo),
                List.of(line(1, "3004909099", "136.00", "12.38"), line(2, "9018909919", "102.00", "9.28")));
    }

    private static TaxBill.Head head(String invtNo) {
        return new TaxBill.Head(
                LIST_GUID,
                ISSUED,
                invtNo,
                "T20261203000000001",
                new BigDecimal("0.00"),
                new BigDecimal("21.66"),
                new BigDecimal("0.00"),
                "1",
                null,
                null,
                "1101980001",
                "1101980002",
                "1101980003",
                "1101980001",
                "0114");
    }

    private static TaxBill.Line line(int gnum, String gcode, String taxPrice, String vat) {
        return new TaxBill.Line(
                gnum,
                gcode,
                new BigDecimal(taxPrice),
                new BigDecimal("0.00"),
                new BigDecimal(vat),
                new BigDecimal("0.00"));
    }
}
