package cn.cbecpilot.platform.storefront;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.server.WebSession;

/** What the consumer has put in the cart, in the order the lines were added; kept in the session, never changed in place. */
record Cart(List<Line> lines) {

    static final int MAX_QUANTITY = 999;
    static final int MAX_LINES = 50;
    private static final String ATTRIBUTE = "storefront.cart";

    Cart {
        lines = List.copyOf(lines);
    }

    record Line(String sku, int quantity) {}

    static Cart of(WebSession session) {
        Cart cart = session.getAttribute(ATTRIBUTE);
        return cart == null ? new Cart(List.of()) : cart;
    }

    void storeIn(WebSession session) {
        session.getAttributes().put(ATTRIBUTE, this);
    }

    static void empty(WebSession session) {
        session.getAttributes().remove(ATTRIBUTE);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    int units() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    /** The cart with more units of the SKU, capped at the most one line may hold. */
    Cart plus(String sku, int quantity) {
        int current = lines.stream()
                .filter(l -> l.sku().equals(sku))
                .mapToInt(Line::quantity)
                .findFirst()
                .orElse(0);
        if (current == 0 && lines.size() >= MAX_LINES) {
            return this;
        }
        return with(sku, Math.min(MAX_QUANTITY, current + quantity));
    }

    /** The cart with the SKU's line set to the quantity, or without it at 0. */
    Cart with(String sku, int quantity) {
        List<Line> changed = new ArrayList<>();
        boolean found = false;
        for (Line line : lines) {
            if (line.sku().equals(sku)) {
                found = true;
                if (quantity > 0) {
                    changed.add(new Line(sku, quantity));
                }
            } else {
                changed.add(line);
            }
        }
        if (!found && quantity > 0) {
            changed.add(new Line(sku, quantity));
        }
        return new Cart(changed);
    }
}
