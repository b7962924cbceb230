package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import cn.cbecpilot.platform.shared.Money;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The persisted head of an order, as its table holds it, personal data opened. */
record OrderRow(
        String orderNo,
        String orderToken,
        String idempotencyKey,
        String requestHash,
        String platformCode,
        String sellerCode,
        OrderStatus status,
        int version,
        String buyerName,
        String buyerIdNumber,
        String buyerIdHash,
        String buyerPhone,
        String consigneeName,
        String consigneePhone,
        String consigneeAddress,
        Money goodsValue,
        Money freight,
        Money tax,
        Money total,
        Money dutiableValue,
        boolean fullyTaxed,
        int quotaYear,
        Instant createdAt,
        Instant paymentDueAt) {

    static final String COLUMNS = "order_no, order_token, idempotency_key, request_hash, platform_code, seller_code,"
            + " status, version, buyer_name, buyer_id_number, buyer_id_hash, buyer_phone, consignee_name,"
            + " consignee_phone, consignee_address, goods_value, freight, tax_total, total, dutiable_value,"
            + " fully_taxed, quota_year, created_at, payment_due_at";

    static OrderRow from(Readable r, PersonalData data) {
        return new OrderRow(
                r.get("order_no", String.class),
                r.get("order_token", String.class),
                r.get("idempotency_key", String.class),
                r.get("request_hash", String.class),
                r.get("platform_code", String.class),
                r.get("seller_code", String.class),
                OrderStatus.valueOf(r.get("status", String.class)),
                r.get("version", Integer.class),
                data.open(r.get("buyer_name", String.class)),
                data.open(r.get("buyer_id_number", String.class)),
                r.get("buyer_id_hash", String.class),
                data.open(r.get("buyer_phone", String.class)),
                data.open(r.get("consignee_name", String.class)),
                data.open(r.get("consignee_phone", String.class)),
                data.open(r.get("consignee_address", String.class)),
                Money.of(r.get("goods_value", BigDecimal.class)),
                Money.of(r.get("freight", BigDecimal.class)),
                Money.of(r.get("tax_total", BigDecimal.class)),
                Money.of(r.get("total", BigDecimal.class)),
                Money.of(r.get("dutiable_value", BigDecimal.class)),
                r.get("fully_taxed", Boolean.class),
                r.get("quota_year", Integer.class),
                r.get("created_at", OffsetDateTime.class).toInstant(),
                r.get("payment_due_at", OffsetDateTime.class).toInstant());
    }
}
