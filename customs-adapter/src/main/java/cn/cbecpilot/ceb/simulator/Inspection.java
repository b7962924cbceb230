package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.message.MessageType;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks customs runs before it accepts a document, each answering with the returnInfo of a
 * rejection: the order's amounts add up, the list stays within the RMB 5,000 single limit (one
 * indivisible item excepted), and the list agrees with whichever of order, payment and waybill are
 * on file (tri-data), and the buyer's year stays within the RMB 26,000 annual limit (checked last,
 * since a list that passes it is charged to the buyer's year).
 */
final class Inspection {

    static final BigDecimal SINGLE_LIMIT = new BigDecimal("5000");
    static final BigDecimal ANNUAL_LIMIT = new BigDecimal("26000");

    private Inspection() {}

    static Optional<String> check(Received document, Filed filed) {
        if (document.type() == MessageType.CEB311) {
            return orderAmounts(document);
        }
        if (document.type() == MessageType.CEB621) {
            return singleLimit(document).or(() -> triData(document, filed)).or(() -> annualLimit(document, filed));
        }
        return Optional.empty();
    }

    private static Optional<String> orderAmounts(Received order) {
        BigDecimal expected = order.amount("goodsValue")
                .add(order.amount("freight"))
                .add(order.amount("taxTotal"))
                .subtract(order.amount("discount"));
        return expected.compareTo(order.amount("acturalPaid")) == 0
                ? Optional.empty()
                : Optional.of("[Code:1301;Desc:实际支付金额与货款、运费、税款、优惠之和不符 acturalPaid " + order.get("acturalPaid") + " != "
                        + expected.toPlainString() + "]");
    }

    private static Optional<String> singleLimit(Received list) {
        BigDecimal total = list.lines().stream()
                .map(l -> new BigDecimal(l.get("totalPrice")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean oneIndivisibleItem = list.lines().size() == 1
                && new BigDecimal(list.lines().get(0).get("qty")).compareTo(BigDecimal.ONE) == 0;
        return total.compareTo(SINGLE_LIMIT) > 0 && !oneIndivisibleItem
                ? Optional.of("[Code:-621005;Desc:超过单次交易限值 totalPrice " + total.toPlainString() + " > 5000]")
                : Optional.empty();
    }

    private static Optional<String> annualLimit(Received list, Filed filed) {
        BigDecimal value = list.lines().stream()
                .map(l -> new BigDecimal(l.get("totalPrice")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String appTime = list.get("appTime");
        int year = appTime != null && appTime.length() >= 4
                ? Integer.parseInt(appTime.substring(0, 4))
                : java.time.Year.now().getValue();
        return filed.chargeWithin(list.get("buyerIdNumber"), year, list.get("copNo"), value, ANNUAL_LIMIT)
                .map(total -> "[Code:1313;Desc:超过年度交易限值 totalPrice " + total.toPlainString() + " > limitPrice 26000]");
    }

    private static Optional<String> triData(Received list, Filed filed) {
        String orderNo = list.get("orderNo");
        Optional<Received> order = filed.find(MessageType.CEB311, orderNo);
        Optional<Received> payment = filed.find(MessageType.CEB411, orderNo);
        Optional<Received> waybill = filed.find(MessageType.CEB511, orderNo);
        return order.flatMap(o -> againstOrder(list, o))
                .or(() -> payment.flatMap(p -> againstPayment(list, p, order)))
                .or(() -> waybill.flatMap(w -> Objects.equals(w.get("logisticsNo"), list.get("logisticsNo"))
                        ? Optional.empty()
                        : Optional.of("[Code:1325;Desc:清单运单号与运单不一致]")));
    }

    private static Optional<String> againstOrder(Received list, Received order) {
        if (!Objects.equals(list.get("buyerIdNumber"), order.get("buyerIdNumber"))
                || !Objects.equals(list.get("buyerName"), order.get("buyerName"))) {
            return Optional.of("[Code:13127;Desc:清单订购人与订单订购人不一致]");
        }
        if (!Objects.equals(list.get("buyerTelephone"), order.get("buyerTelephone"))) {
            return Optional.of("[Code:130126;Desc:清单订购人电话与订单不一致]");
        }
        BigDecimal goods = order.lines().stream()
                .map(l -> new BigDecimal(l.get("totalPrice")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal listed = list.lines().stream()
                .map(l -> new BigDecimal(l.get("totalPrice")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return list.lines().size() == order.lines().size() && goods.compareTo(listed) == 0
                ? Optional.empty()
                : Optional.of("[Code:1322;Desc:订单与清单商品信息不一致]");
    }

    private static Optional<String> againstPayment(Received list, Received payment, Optional<Received> order) {
        if (!Objects.equals(list.get("buyerIdNumber"), payment.get("payerIdNumber"))
                || !Objects.equals(list.get("buyerName"), payment.get("payerName"))) {
            return Optional.of("[Code:1327;Desc:订购人与支付人不一致]");
        }
        return order.filter(o -> o.amount("acturalPaid").compareTo(payment.amount("amountPaid")) != 0)
                .map(o -> "[Code:1328;Desc:支付金额与订单实付金额不一致 amountPaid " + payment.get("amountPaid") + " != acturalPaid "
                        + o.get("acturalPaid") + "]");
    }
}
