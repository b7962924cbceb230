package cn.cbecpilot.platform.customs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the order messages declare of one order: its head, its lines and the names of its enterprises, with the order's
 * status and the last inventory receipt's status, which decide whether a cancellation can be written yet.
 */
record DeclaredOrder(
        String orderNo,
        String platformCode,
        String platformName,
        String sellerCode,
        String sellerName,
        String buyerName,
        String buyerIdNumber,
        String buyerPhone,
        String consigneeName,
        String consigneePhone,
        String consigneeAddress,
        BigDecimal goodsValue,
        BigDecimal freight,
        BigDecimal insurance,
        BigDecimal discount,
        BigDecimal taxTotal,
        BigDecimal total,
        String payCode,
        String payName,
        String payTransactionId,
        Instant paidAt,
        String invtNo,
        String status,
        String customsStatus,
        List<Line> lines) {

    record Line(
            int lineNo,
            String sku,
            String name,
            String gcode,
            String unit,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal lineValue,
            String originCountry,
            String barCode) {}

    DeclaredOrder withLines(List<Line> value) {
        return new DeclaredOrder(
                orderNo,
                platformCode,
                platformName,
                sellerCode,
                sellerName,
                buyerName,
                buyerIdNumber,
                buyerPhone,
                consigneeName,
                consigneePhone,
                consigneeAddress,
                goodsValue,
                freight,
                insurance,
                discount,
                taxTotal,
                total,
                payCode,
                payName,
                payTransactionId,
                paidAt,
                invtNo,
                status,
                customsStatus,
                value);
    }

    int units() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }
}
