package cn.cbecpilot.ceb.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.message.MessageType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What customs keeps of the partners' documents, and that its tri-data match still has what it compares. */
class FiledTest {

    private static final String ORDER_NO = "ORD2612060000001";

    private final Filed filed = new Filed();

    @Test
    void keepsOfADocumentOnlyTheFieldsReadLater() {
        filed.file(order(Map.of()));
        filed.file(list(Map.of()));

        assertThat(filed.find(MessageType.CEB311, ORDER_NO)).hasValueSatisfying(kept -> {
            assertThat(kept.head())
                    .containsOnlyKeys("buyerIdNumber", "buyerName", "buyerTelephone", "acturalPaid")
                    .containsEntry("buyerName", "张三");
            assertThat(kept.lines()).containsExactly(Map.of("totalPrice", "179.40"));
        });
        assertThat(filed.find(MessageType.CEB621, "COP2612060000001"))
                .as("a list is not read from file again")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "list, buyerTelephone, 13800000000, 130126",
        "list, buyerName, 李四, 13127",
        "payment, payerIdNumber, 110101199001011235, 1327",
        "payment, amountPaid, 1.00, 1328",
        "waybill, logisticsNo, SF0000000002, 1325",
        "order-line, totalPrice, 100.00, 1322",
    })
    void theTriDataMatchComparesTheDocumentsAsFiled(String which, String field, String value, String code) {
        Map<String, String> changed = Map.of(field, value);
        filed.file(order(which.equals("order-line") ? changed : Map.of()));
        filed.file(payment(which.equals("payment") ? changed : Map.of()));
        filed.file(waybill(which.equals("waybill") ? changed : Map.of()));

        assertThat(Inspection.check(list(which.equals("list") ? changed : Map.of()), filed))
                .hasValueSatisfying(info -> assertThat(info).contains("Code:" + code));
    }

    @Test
    void aListThatAgreesWithTheDocumentsAsFiledPasses() {
        filed.file(order(Map.of()));
        filed.file(payment(Map.of()));
        filed.file(waybill(Map.of()));

        assertThat(Inspection.check(list(Map.of()), filed)).isEqualTo(Optional.empty());
    }

    private static Received order(Map<String, String> lineChange) {
        Map<String, String> head = Map.ofEntries(
                Map.entry("guid", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94"),
                Map.entry("appType", "1"),
                Map.entry("appTime", "20261206093000"),
                Map.entry("appStatus", "2"),
                Map.entry("orderType", "I"),
                Map.entry("orderNo", ORDER_NO),
                Map.entry("ebpCode", "1101980001"),
                Map.entry("ebcCode", "1101980002"),
                Map.entry("goodsValue", "179.40"),
                Map.entry("freight", "0.00"),
                Map.entry("discount", "0.00"),
                Map.entry("taxTotal", "16.33"),
                Map.entry("acturalPaid", "195.73"),
                Map.entry("currency", "142"),
                Map.entry("buyerRegNo", "buyer-1"),
                Map.entry("buyerName", "张三"),
                Map.entry("buyerTelephone", "13900000000"),
                Map.entry("buyerIdType", "1"),
                Map.entry("buyerIdNumber", "110101199001011234"),
                Map.entry("consignee", "张三"),
                Map.entry("consigneeTelephone", "13900000000"),
                Map.entry("consigneeAddress", "北京市朝阳区"));
        Map<String, String> line = new HashMap<>(Map.of(
                "gnum", "1",
                "itemNo", "SKU-1",
                "itemName", "维生素D3滴剂",
                "gmodel", "400IU*90粒",
                "unit", "142",
                "qty", "3",
                "price", "59.80",
                "totalPrice", "179.40",
                "currency", "142",
                "country", "502"));
        line.putAll(lineChange);
        return new Received(MessageType.CEB311, "DXPENT0000000001", head, List.of(line));
    }

    private static Received payment(Map<String, String> change) {
        Map<String, String> head = Map.of(
                "guid", "0A2C0C7E-3E0B-4F6B-9B7E-1C2D3E4F5A6B",
                "orderNo", ORDER_NO,
                "payCode", "1101980003",
                "payTransactionId", "PAY2612060000001",
                "amountPaid", "195.73",
                "payerIdType", "1",
                "payerIdNumber", "110101199001011234",
                "payerName", "张三",
                "appTime", "20261206093100");
        return received(MessageType.CEB411, head, change, List.of());
    }

    private static Received waybill(Map<String, String> change) {
        Map<String, String> head = Map.of(
                "guid", "6D1E7C2B-1F0A-4B3C-8D9E-0A1B2C3D4E5F",
                "orderNo", ORDER_NO,
                "logisticsCode", "1101980004",
                "logisticsNo", "SF0000000001",
                "consignee", "张三",
                "weight", "0.5");
        return received(MessageType.CEB511, head, change, List.of());
    }

    private static Received list(Map<String, String> change) {
        Map<String, String> head = Map.of(
                "guid", "9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A",
                "orderNo", ORDER_NO,
                "copNo", "COP2612060000001",
                "logisticsNo", "SF0000000001",
                "customsCode", "0114",
                "appTime", "20261206093200",
                "buyerIdNumber", "110101199001011234",
                "buyerName", "张三",
                "buyerTelephone", "13900000000",
                "ebpCode", "1101980001");
        Map<String, String> line = Map.of("gnum", "1", "itemNo", "SKU-1", "qty", "3", "totalPrice", "179.40");
        return received(MessageType.CEB621, head, change, List.of(line));
    }

    /** A document of {@code head}'s fields, those in {@code change} changed. */
    private static Received received(
            MessageType type, Map<String, String> head, Map<String, String> change, List<Map<String, String>> lines) {
        Map<String, String> fields = new HashMap<>(head);
        fields.putAll(change);
        return new Received(type, "DXPENT0000000001", fields, lines);
    }
}
