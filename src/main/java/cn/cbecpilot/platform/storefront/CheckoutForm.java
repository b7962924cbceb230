package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.compliance.Buyer;
import cn.cbecpilot.platform.order.PlaceOrder;
import java.util.UUID;

/**
 * The checkout form as typed: the buyer under real name and the consignee. {@code key} is the placement's
 * Idempotency-Key, fixed when the form is first shown, so that a double submission places one order.
 */
record CheckoutForm(
        String key,
        String buyerName,
        String buyerIdNumber,
        String buyerPhone,
        String consigneeName,
        String consigneePhone,
        String consigneeAddress) {

    static final String MOBILE = "1[3-9]\\d{9}";

    static CheckoutForm blank() {
        return new CheckoutForm(newKey(), "", "", "", "", "", "");
    }

    static String newKey() {
        return "web-" + UUID.randomUUID();
    }

    /** The same form with a fresh key when the one sent is missing or not a key this page could have made. */
    CheckoutForm withUsableKey() {
        boolean usable = key != null && key.matches("web-[0-9a-f-]{36}");
        return usable
                ? this
                : new CheckoutForm(
                        newKey(),
                        buyerName,
                        buyerIdNumber,
                        buyerPhone,
                        consigneeName,
                        consigneePhone,
                        consigneeAddress);
    }

    /**
     * What the consignee fields lack. The buyer's fields are left to the IDENTITY rule, which the placement checks
     * with the same code as for the API.
     */
    FormProblems consigneeProblems() {
        FormProblems problems = new FormProblems();
        required(problems, "consigneeName", consigneeName, 60);
        required(problems, "consigneeAddress", consigneeAddress, 200);
        if (strip(consigneePhone).isEmpty()) {
            problems.add("consigneePhone", "form.required");
        } else if (!strip(consigneePhone).matches(MOBILE)) {
            problems.add("consigneePhone", "form.mobile");
        }
        return problems;
    }

    Buyer buyer() {
        return new Buyer(strip(buyerName), strip(buyerIdNumber).toUpperCase(java.util.Locale.ROOT), strip(buyerPhone));
    }

    PlaceOrder toCommand(Cart cart) {
        return new PlaceOrder(
                key,
                null,
                cart.lines().stream()
                        .map(l -> new PlaceOrder.Line(l.sku(), l.quantity()))
                        .toList(),
                buyer(),
                new PlaceOrder.Consignee(strip(consigneeName), strip(consigneePhone), strip(consigneeAddress)));
    }

    private static void required(FormProblems problems, String field, String value, int max) {
        if (strip(value).isEmpty()) {
            problems.add(field, "form.required");
        } else if (strip(value).length() > max) {
            problems.add(field, "form.tooLong", max);
        }
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
