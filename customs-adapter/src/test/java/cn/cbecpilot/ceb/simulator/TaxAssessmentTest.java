package cn.cbecpilot.ceb.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.TaxBill;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated customs' tax on a released list: 13 % VAT at 70 % on value plus freight share, to the fen. */
class TaxAssessmentTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 3, 10, 0);

    @Test
    void levies70PercentOfTheVatOnEachLinesValueAndFreightShare() {
        Received list = list(
                "10.00",
                Map.of("gnum", "1", "gcode", "3004909099", "qty", "2", "totalPrice", "136.00"),
                Map.of("gnum", "2", "gcode", "9018909919", "qty", "1", "totalPrice", "64.00"));

        TaxBill bill = TaxAssessment.of(list, "01142026I000000001", "T1", NOW);

        // 136.00 + 6.80 freight share = 142.80 × 9.1 % = 12.9948; 64.00 + 3.20 = 67.20 × 9.1 % = 6.1152
        assertThat(bill.lines())
                .extracting(TaxBill.Line::taxPrice)
                .map(Object::toString)
                .containsExactly("142.80", "67.20");
        assertThat(bill.lines())
                .extracting(TaxBill.Line::valueAddedTax)
                .map(Object::toString)
                .containsExactly("12.99", "6.12");
        assertThat(bill.head().valueAddedTax()).isEqualByComparingTo("19.11");
        assertThat(bill.head().customsTax()).isEqualByComparingTo("0");
        assertThat(bill.head().consumptionTax()).isEqualByComparingTo("0");
        assertThat(bill.head().guid()).isEqualTo("LIST-GUID");
    }

    @Test
    void taxesASingleIndivisibleItemOverTheLimitInFull() {
        Received list = list("0", Map.of("gnum", "1", "gcode", "9018909919", "qty", "1", "totalPrice", "6000.00"));

        TaxBill bill = TaxAssessment.of(list, "01142026I000000001", "T1", NOW);

        assertThat(bill.head().valueAddedTax()).isEqualByComparingTo("780.00");
    }

    private static Received list(String freight, Map<String, String>... lines) {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("guid", "LIST-GUID");
        head.put("freight", freight);
        head.put("insuredFee", "0");
        head.put("customsCode", "0114");
        return new Received(MessageType.CEB621, "DXPENT0000458753", head, List.of(lines));
    }
}
