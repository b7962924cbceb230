package cn.cbecpilot.platform.order;

/** Where an import order is, from payment through clearance and bond exit to delivery and return. */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    DECLARED,
    CUSTOMS_ACCEPTED,
    MANUAL_REVIEW,
    INSPECTION,
    DETAINED,
    REJECTED,
    RETURNED_ABROAD,
    RELEASED,
    CANCELLING,
    CANCELLED,
    OUT_OF_BOND,
    IN_TRANSIT,
    DELIVERED,
    RETURN_REQUESTED,
    RETURN_APPROVED,
    RETURNED
}
