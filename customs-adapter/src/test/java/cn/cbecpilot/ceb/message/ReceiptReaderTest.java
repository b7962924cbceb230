package cn.cbecpilot.ceb.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import cn.cbecpilot.ceb.xml.SafeXml;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

class ReceiptReaderTest {

    /** Official samples of types the adapter neither writes nor reads. */
    private static final Set<String> NOT_HANDLED = Set.of("CEB513", "CEB514", "CEB712");

    private final ReceiptReader reader = new ReceiptReader();

    static Stream<Path> samples() throws Exception {
        return OfficialSchemas.samples();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyOfficialSampleParsesSafelyAndHandledOnesMeetTheAdaptersSchema(Path sample) throws Exception {
        byte[] xml = Files.readAllBytes(sample);
        Document document = SafeXml.parse(xml, XmlLimits.DEFAULT);
        String type = sample.getFileName().toString().substring(0, 6);

        if (NOT_HANDLED.contains(type)) {
            assertThatThrownBy(() -> reader.read(xml))
                    .isInstanceOfSatisfying(
                            CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_TYPE));
        } else if (MessageType.valueOf(type).isReceipt()) {
            List<Receipt> receipts = reader.read(xml);
            assertThat(receipts).isNotEmpty().allSatisfy(r -> {
                assertThat(r.messageType().name()).isEqualTo(type);
                assertThat(r.returnStatus()).isNotBlank();
                assertThat(r.xml()).contains(type + "Message");
            });
        } else {
            CebSchema.validate(document);
        }
    }

    @Test
    void readsEveryInventoryReturnOfTheOfficial622Sample() throws Exception {
        List<Receipt> receipts = reader.read(sample("import/CEB622Message.xml"));

        assertThat(receipts).hasSizeGreaterThan(1);
        Receipt first = receipts.get(0);
        assertThat(first.guid()).isEqualTo("4CDE1CFD-EDED-46B1-946C-B8022E42FC94");
        assertThat(first.copNo()).contains("cop2016032211000");
        assertThat(first.preNo()).contains("B20160512000001882");
        assertThat(first.returnStatus()).isEqualTo("1");
        assertThat(first.returnTime()).isEqualTo(LocalDateTime.of(2016, 5, 12, 10, 26, 46, 1_000_000));
        assertThat(first.returnInfo()).isEqualTo("暂存");
        assertThat(first.field("agentCode")).contains("1105980159");
    }

    @Test
    void keepsEachReceiptOfAMessageOfSeveralAsTheMessageAroundItsOwnPartOnly() throws Exception {
        List<Receipt> receipts = reader.read(sample("import/CEB622Message.xml"));

        assertThat(receipts).hasSizeGreaterThan(1);
        for (Receipt receipt : receipts) {
            // read again, the kept message is this one receipt, with the message's guid
            List<Receipt> again = reader.read(receipt.xml().getBytes(StandardCharsets.UTF_8));
            assertThat(again).hasSize(1);
            Receipt alone = again.get(0);
            assertThat(alone.messageGuid()).isEqualTo(receipt.messageGuid());
            assertThat(alone.fields()).isEqualTo(receipt.fields());
            assertThat(alone.returnTime()).isEqualTo(receipt.returnTime());
        }
    }

    @Test
    void keepsEachBillOfATaxMessageWithItsOwnLines() {
        List<TaxBill> bills = List.of(TaxBillsTest.bill("01102026I000000001"), TaxBillsTest.bill("01102026I000000002"));
        byte[] xml = new TaxBills().write(CebFormats.newGuid(), bills);

        List<Receipt> receipts = reader.read(xml);

        assertThat(receipts)
                .extracting(r -> r.invtNo().orElseThrow())
                .containsExactly("01102026I000000001", "01102026I000000002");
        for (int i = 0; i < 2; i++) {
            List<TaxBill> kept = new TaxBills().read(receipts.get(i).xml().getBytes(StandardCharsets.UTF_8));
            assertThat(kept).containsExactly(bills.get(i));
        }
    }

    @Test
    void readsTheExportReturnReceiptsCoElNoAsItsCopNo() {
        byte[] xml = new ReceiptWriter()
                .write(
                        MessageType.CEB214,
                        CebFormats.newGuid(),
                        List.of(Map.of(
                                "guid", CebFormats.newGuid(),
                                "agentCode", "1105910159",
                                "coElNo", "RET0001",
                                "invtNo", "01102026E000000001",
                                "returnStatus", "120",
                                "returnTime", "20261203101530123",
                                "returnInfo", "[Code:1800;Desc:逻辑校验通过]")));

        Receipt receipt = reader.read(xml).get(0);

        assertThat(receipt.copNo()).contains("RET0001");
        assertThat(receipt.invtNo()).contains("01102026E000000001");
        assertThat(receipt.returnStatus()).isEqualTo("120");
    }

    @Test
    void readsTheTaxBillStatusAsItsReturnStatus() {
        String guid = CebFormats.newGuid();
        byte[] xml = ("<CEB816Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + guid + "\" version=\"1.0\">"
                        + "<Tax><TaxHeadRd><guid>" + guid + "</guid><returnTime>20261203101530123</returnTime>"
                        + "<invtNo>01102026I000000001</invtNo><taxNo>T0001</taxNo><customsTax>0</customsTax>"
                        + "<valueAddedTax>23.29</valueAddedTax><consumptionTax>0</consumptionTax><status>1</status>"
                        + "</TaxHeadRd><TaxListRd><gnum>1</gnum><gcode>3004909099</gcode><taxPrice>257</taxPrice>"
                        + "<customsTax>0</customsTax><valueAddedTax>23.29</valueAddedTax>"
                        + "<consumptionTax>0</consumptionTax></TaxListRd></Tax></CEB816Message>")
                .getBytes(StandardCharsets.UTF_8);

        Receipt tax = reader.read(xml).get(0);

        assertThat(tax.messageType()).isEqualTo(MessageType.CEB816);
        assertThat(tax.returnStatus()).isEqualTo("1");
        assertThat(tax.invtNo()).contains("01102026I000000001");
        assertThat(tax.field("valueAddedTax")).contains("23.29");
        assertThat(tax.returnInfo()).isEmpty();
    }

    @Test
    void refusesARequestWhereAReceiptIsExpected() throws Exception {
        assertThatThrownBy(() -> reader.read(sample("import/CEB621Message.xml")))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_TYPE));
    }

    @Test
    void refusesAReceiptAgainstTheSchema() {
        byte[] xml = ("<CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + CebFormats.newGuid()
                        + "\" version=\"1.0\"><InventoryReturn><guid>x</guid></InventoryReturn></CEB622Message>")
                .getBytes();

        assertThatThrownBy(() -> reader.read(xml))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SCHEMA_VIOLATION));
    }

    private static byte[] sample(String path) throws Exception {
        return Files.readAllBytes(OfficialSchemas.reference().resolve("samples").resolve(path));
    }
}
