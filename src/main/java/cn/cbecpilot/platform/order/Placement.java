package cn.cbecpilot.platform.order;

/** What the consumer gets back for a placed order: its number, the token that opens it, and its amounts. */
public record Placement(OrderRow order, boolean replayed) {

    public String orderNo() {
        return order.orderNo();
    }

    /** The secret that opens the order to its buyer; the storefront keeps it in the buyer's session. */
    public String orderToken() {
        return order.orderToken();
    }
}
