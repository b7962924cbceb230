package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One bonded parcel and every request about it, consistent with each other as customs' tri-data match
 * expects; {@code with...} copies change one thing so tests can break the match on purpose.
 */
public record Parcel(String orderNo, String copNo, BigDecimal price, int quantity, BigDecimal amountPaid) {

    static final LocalDateTime AT = LocalDateTime.of(2026, 12, 3, 10, 15, 30);
    static final String EBP = "1105910159";
    static final String EBC = "1105910160";
    static final String LOGISTICS = "1105910161";
    static final String BUYER_ID = "110105199003071234";
    static final String BUYER = "张三";
    static final String PHONE = "13812345678";
    static final String ADDRESS = "北京市朝阳区天竺综合保税区1号";

    public static Parcel of(String orderNo, String copNo) {
        return new Parcel(orderNo, copNo, new BigDecimal("128.50"), 2, null);
    }

    public Parcel withPrice(BigDecimal value) {
        return new Parcel(orderNo, copNo, value, quantity, amountPaid);
    }

    /** A payment voucher whose amount differs from the order's. */
    public Parcel withAmountPaid(BigDecimal value) {
        return new Parcel(orderNo, copNo, price, quantity, value);
    }

    public BigDecimal goodsValue() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }

    public BigDecimal freight() {
        return new BigDecimal("10.00");
    }

    public BigDecimal tax() {
        return goodsValue()
                .add(freight())
                .multiply(new BigDecimal("0.091"))
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public BigDecimal total() {
        return goodsValue().add(freight()).add(tax());
    }

    public String logisticsNo() {
        return "SF" + orderNo;
    }

    public String payTransactionId() {
        return "PAY" + orderNo;
    }

    public static BaseTransfer transfer() {
        return new BaseTransfer(EBP, "天竺试点平台", "DXP", "DXPENT0000012345", null);
    }

    public Ceb311Order order() {
        OrderHead head = new OrderHead(
                CebFormats.newGuid(),
                "1",
                AT,
                "2",
                "I",
                orderNo,
                EBP,
                "天竺试点平台",
                EBC,
                "海外药房",
                goodsValue(),
                freight(),
                BigDecimal.ZERO,
                tax(),
                total(),
                "142",
                "buyer-1",
                BUYER,
                PHONE,
                "1",
                BUYER_ID,
                "1105910162",
                "支付公司",
                payTransactionId(),
                null,
                BUYER,
                PHONE,
                ADDRESS,
                "110105",
                null);
        OrderList line = new OrderList(
                1,
                "SKU-1",
                "布洛芬缓释胶囊",
                "0.3g*24粒",
                null,
                "6901234567892",
                "142",
                BigDecimal.valueOf(quantity),
                price,
                goodsValue(),
                "142",
                "502",
                null);
        return new Ceb311Order(head, List.of(line), transfer());
    }

    public Ceb411Payment payment() {
        PaymentHead head = new PaymentHead(
                CebFormats.newGuid(),
                "1",
                AT,
                "2",
                "1105910162",
                "支付公司",
                payTransactionId(),
                orderNo,
                EBP,
                "天竺试点平台",
                "1",
                BUYER_ID,
                BUYER,
                PHONE,
                amountPaid == null ? total() : amountPaid,
                "142",
                AT,
                null);
        return new Ceb411Payment(head, transfer());
    }

    public Ceb511Logistics logistics() {
        LogisticsHead head = new LogisticsHead(
                CebFormats.newGuid(),
                "1",
                AT,
                "2",
                LOGISTICS,
                "顺丰速运",
                logisticsNo(),
                null,
                orderNo,
                freight(),
                BigDecimal.ZERO,
                "142",
                new BigDecimal("0.35"),
                1,
                "药品",
                BUYER,
                ADDRESS,
                PHONE,
                null);
        return new Ceb511Logistics(head, transfer());
    }

    public Ceb621Inventory inventory() {
        InventoryHead head = new InventoryHead(
                CebFormats.newGuid(),
                "1",
                AT,
                "2",
                orderNo,
                EBP,
                "天竺试点平台",
                EBC,
                "海外药房",
                logisticsNo(),
                LOGISTICS,
                "顺丰速运",
                copNo,
                null,
                EBP,
                "T0100W000001",
                null,
                "I",
                LocalDate.of(2026, 12, 3),
                "0110",
                "0110",
                null,
                "1",
                BUYER_ID,
                BUYER,
                PHONE,
                ADDRESS,
                EBP,
                "天竺试点平台",
                "1105960001",
                "天竺保税仓",
                "1210",
                "4",
                null,
                null,
                null,
                null,
                null,
                "142",
                freight(),
                BigDecimal.ZERO,
                "142",
                "2",
                1,
                new BigDecimal("0.35"),
                new BigDecimal("0.30"),
                null);
        InventoryList line = new InventoryList(
                1,
                "T0100W000001-1",
                "SKU-1",
                "布洛芬缓释胶囊",
                "3004909099",
                "布洛芬缓释胶囊",
                "0.3g*24粒",
                "6901234567892",
                "502",
                null,
                "142",
                BigDecimal.valueOf(quantity),
                "142",
                new BigDecimal("0.1"),
                "035",
                null,
                null,
                price,
                goodsValue(),
                null);
        return new Ceb621Inventory(head, List.of(line), transfer());
    }

    public Ceb623InvtCancel cancel(String invtNo) {
        return new Ceb623InvtCancel(
                new InvtCancel(
                        CebFormats.newGuid(),
                        "1",
                        AT,
                        "2",
                        "0110",
                        orderNo,
                        EBP,
                        "天竺试点平台",
                        EBC,
                        "海外药房",
                        logisticsNo(),
                        LOGISTICS,
                        "顺丰速运",
                        copNo,
                        null,
                        invtNo,
                        "1",
                        BUYER_ID,
                        BUYER,
                        PHONE,
                        EBP,
                        "天竺试点平台",
                        "消费者取消订单",
                        null),
                transfer());
    }

    public Ceb625InvtRefund refund(String invtNo) {
        InvtRefundHead head = new InvtRefundHead(
                CebFormats.newGuid(),
                "1",
                AT,
                "2",
                "0110",
                orderNo,
                EBP,
                "天竺试点平台",
                EBC,
                "海外药房",
                logisticsNo(),
                LOGISTICS,
                "顺丰速运",
                copNo,
                null,
                invtNo,
                "1",
                BUYER_ID,
                BUYER,
                PHONE,
                EBP,
                "天竺试点平台",
                "包装破损",
                null);
        InvtRefundList line = new InvtRefundList(1, "3004909099", "布洛芬缓释胶囊", BigDecimal.valueOf(quantity), "142", null);
        return new Ceb625InvtRefund(head, List.of(line), transfer());
    }

    /** An export return of this parcel's goods against the original export list {@code invtNo}. */
    public Ceb213ExportRefund exportRefund(String invtNo) {
        ExportRefundHead head = new ExportRefundHead(
                CebFormats.newGuid(),
                "1",
                AT,
                "2",
                "0110",
                null,
                EBP,
                "天竺试点平台",
                EBC,
                "海外药房",
                logisticsNo(),
                LOGISTICS,
                "顺丰速运",
                copNo,
                null,
                invtNo,
                "9610",
                EBP,
                "天竺试点平台",
                "BL" + orderNo,
                "I",
                "5",
                "航空",
                "0110",
                "滞销退货",
                "502",
                "CA1234",
                null);
        ExportRefundList line = new ExportRefundList(
                1,
                "3004909099",
                "布洛芬缓释胶囊",
                "0.3g*24粒",
                BigDecimal.valueOf(quantity),
                new BigDecimal("0.1"),
                "142",
                "035",
                null,
                null,
                null);
        return new Ceb213ExportRefund(head, List.of(line), transfer());
    }

    public Ceb215RefundDetail tally(String invtNo) {
        return new Ceb215RefundDetail(
                new InvtRefundDetail(
                        CebFormats.newGuid(),
                        "1",
                        AT,
                        "2",
                        "0110",
                        "1105960001",
                        "天竺保税仓",
                        LOGISTICS,
                        "顺丰速运",
                        logisticsNo(),
                        invtNo,
                        copNo,
                        null,
                        "BL" + orderNo,
                        "I",
                        "5",
                        "航空",
                        "CA1234",
                        "天竺综保区监管场所",
                        null),
                transfer());
    }

    /** The supervision site's entry detail of this parcel's arrival. */
    public Ceb711Delivery delivery() {
        return new Ceb711Delivery(
                new DeliveryHead(
                        CebFormats.newGuid(),
                        "1",
                        AT,
                        "2",
                        "0110",
                        copNo,
                        null,
                        null,
                        "1105960001",
                        "天竺综保区监管场所",
                        "I",
                        "5",
                        "CA1234",
                        "CA1234-20261203",
                        "BL" + orderNo,
                        LOGISTICS,
                        "顺丰速运",
                        "天竺综保区监管场所卸货区",
                        null),
                List.of(new DeliveryList(1, logisticsNo(), null)),
                transfer());
    }

    /** Every request type, unsigned. */
    public List<CebRequest> allRequests() {
        String invtNo = "01102026I000000001";
        return List.of(
                order(),
                payment(),
                logistics(),
                inventory(),
                cancel(invtNo),
                refund(invtNo),
                exportRefund("01102026E000000001"),
                tally("01102026E000000001"),
                delivery());
    }
}
