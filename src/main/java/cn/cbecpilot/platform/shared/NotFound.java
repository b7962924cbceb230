package cn.cbecpilot.platform.shared;

/** Something asked for does not exist, or is not the caller's to see (answered alike, so as not to tell which). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound order(String orderNo) {
        return new NotFound("no order " + orderNo);
    }

    public static NotFound product(String sku) {
        return new NotFound("no product " + sku);
    }
}
