package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the order API (DESIGN section 10). Size limits here refuse absurd input before any rule runs. */
final class OrderApi {

    private OrderApi() {}

    record PlaceOrderRequest(
            @Size(max = 18) String platformCode,
            @NotEmpty @Size(max = 50, message = "an order holds at most 50 lines")
                    List<@NotNull @Valid LineRequest> lines,
            @NotNull @Valid BuyerRequest buyer,
            @NotNull @Valid ConsigneeRequest consignee) {}

    record LineRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,32}", message = "must be 1 to 32 letters, digits, . _ -")
                    String sku,
            @NotNull
                    @Min(value = 1, message = "quantity must be at least 1")
                    @Max(value = 999, message = "quantity must be at most 999")
                    Integer quantity) {}

    record BuyerRequest(@Size(max = 100) String name, @Size(max = 32) String idNumber, @Size(max = 20) String phone) {}

    record ConsigneeRequest(
            @NotBlank @Size(max = 60) String name,
            @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "must be an 11-digit mainland mobile number")
                    String phone,
            @NotBlank @Size(max = 200) String address) {}

    record Placed(
            String orderNo,
            String orderToken,
            OrderStatus status,
            String goodsValue,
            String freight,
            String tax,
            String total) {}

    record StatusAnswer(String orderNo, OrderStatus status) {}

    record PaymentRequest(
            @NotBlank @Size(max = 18) String payCode,
            @NotBlank @Size(max = 60) String transactionId,
            @NotNull @Valid PayerRequest payer,
            @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount) {}

    record PayerRequest(@Size(max = 100) String name, @Size(max = 32) String idNumber) {}

    /** Traceability codes scanned by a picker or at the return desk. */
    record CodesRequest(@Size(max = 5000) List<@NotBlank @Size(max = 200) String> codes) {}

    record OrderDetails(
            String orderNo,
            OrderStatus status,
            String goodsValue,
            String freight,
            String tax,
            String total,
            Instant createdAt,
            Instant paymentDueAt,
            Party buyer,
            Party consignee,
            List<History> history,
            Customs customs,
            List<Line> lines) {}

    record Party(String name, String idNumber, String phone, String address) {}

    record History(OrderStatus from, OrderStatus to, String event, Instant at) {}

    /** @param taxBill the electronic tax bill (CEB816) once customs issued it; absent before */
    record Customs(String copNo, String invtNo, String returnStatus, TaxBill taxBill) {}

    /** What customs assessed on the released list, in RMB: duty, VAT, consumption tax and their sum. */
    record TaxBill(String taxNo, String customsTax, String valueAddedTax, String consumptionTax, String total) {

        static TaxBill of(String taxNo, BigDecimal duty, BigDecimal vat, BigDecimal consumption) {
            return new TaxBill(
                    taxNo,
                    Money.of(duty).toString(),
                    Money.of(vat).toString(),
                    Money.of(consumption).toString(),
                    Money.of(duty.add(vat).add(consumption)).toString());
        }
    }

    record Line(int lineNo, String sku, String name, int quantity, String unitPrice, String tax, List<String> codes) {}
}
