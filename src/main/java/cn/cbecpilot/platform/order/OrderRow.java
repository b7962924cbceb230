package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import cn.cbecpilot.platform.shared.Money;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The persisted head of an order, as its table holds it. Its personal data is opened when first read: most steps of
 * the lifecycle move the order without looking at who bought it.
 */
record OrderRow(
        String orderNo,
        String orderToken,
        String idempotencyKey,
        String requestHash,
        String platformCode,
        String sellerCode,
        OrderStatus status,
        int version,
        String buyerIdHash,
        PersonalFields personal,
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
                r.get("buyer_id_hash", String.class),
                PersonalFields.sealed(
                        data,
                        r.get("buyer_name", String.class),
                        r.get("buyer_id_number", String.class),
                        r.get("buyer_phone", String.class),
                        r.get("consignee_name", String.class),
                        r.get("consignee_phone", String.class),
                        r.get("consignee_address", String.class)),
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

    String buyerName() {
        return personal.get(PersonalFields.BUYER_NAME);
    }

    String buyerIdNumber() {
        return personal.get(PersonalFields.BUYER_ID_NUMBER);
    }

    String buyerPhone() {
        return personal.get(PersonalFields.BUYER_PHONE);
    }

    String consigneeName() {
        return personal.get(PersonalFields.CONSIGNEE_NAME);
    }

    String consigneePhone() {
        return personal.get(PersonalFields.CONSIGNEE_PHONE);
    }

    String consigneeAddress() {
        return personal.get(PersonalFields.CONSIGNEE_ADDRESS);
    }

    /** The same order after a transition this instance persisted (one version later). */
    OrderRow movedTo(OrderStatus next) {
        return new OrderRow(
                orderNo,
                orderToken,
                idempotencyKey,
                requestHash,
                platformCode,
                sellerCode,
                next,
                version + 1,
                buyerIdHash,
                personal,
                goodsValue,
                freight,
                tax,
                total,
                dutiableValue,
                fullyTaxed,
                quotaYear,
                createdAt,
                paymentDueAt);
    }
}
