package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.Masking;
import cn.cbecpilot.platform.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An order as the web pages show it, personal data masked: the same facts as the API's answer, typed. */
public record OrderView(
        String orderNo,
        OrderStatus status,
        String platformCode,
        Money goodsValue,
        Money freight,
        Money tax,
        Money total,
        boolean fullyTaxed,
        Instant createdAt,
        Instant paymentDueAt,
        String buyerName,
        String buyerIdNumber,
        String buyerPhone,
        String consigneeName,
        String consigneePhone,
        String consigneeAddress,
        List<Line> lines,
        List<HistoryEntry> history) {

    public OrderView {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    /** One order line with its tax and the traceability codes bound to it at picking. */
    public record Line(
            int lineNo,
            String sku,
            String name,
            int quantity,
            Money unitPrice,
            Money lineValue,
            Money tax,
            List<String> codes) {}

    static OrderView of(
            OrderRow o, List<OrderLineRow> lines, List<HistoryEntry> history, Map<Integer, List<String>> codes) {
        return new OrderView(
                o.orderNo(),
                o.status(),
                o.platformCode(),
                o.goodsValue(),
                o.freight(),
                o.tax(),
                o.total(),
                o.fullyTaxed(),
                o.createdAt(),
                o.paymentDueAt(),
                Masking.name(o.buyerName()),
                Masking.idNumber(o.buyerIdNumber()),
                Masking.phone(o.buyerPhone()),
                Masking.name(o.consigneeName()),
                Masking.phone(o.consigneePhone()),
                Masking.address(o.consigneeAddress()),
                lines.stream()
                        .map(l -> new Line(
                                l.lineNo(),
                                l.sku(),
                                l.name(),
                                l.quantity(),
                                l.unitPrice(),
                                l.lineValue(),
                                l.tax(),
                                codes.getOrDefault(l.lineNo(), List.of())))
                        .toList(),
                history);
    }
}
