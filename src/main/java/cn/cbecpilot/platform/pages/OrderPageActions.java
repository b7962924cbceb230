package cn.cbecpilot.platform.pages;

import cn.cbecpilot.platform.order.OrderView;
import java.util.List;

/**
 * Where the order lifecycle puts its buttons on the order pages: each bean of this type offers the actions an order
 * allows in its current state (pay and cancel on the storefront; pick, handover, delivered, cancel on the console).
 * The pages show what the beans offer and nothing else, so no button appears before its route exists.
 */
public interface OrderPageActions {

    /** Which order page asks. */
    enum Face {
        STOREFRONT,
        CONSOLE
    }

    List<PageAction> actionsFor(Face face, OrderView order);

    /** What all the given beans offer for the order, in bean order. */
    static List<PageAction> all(List<OrderPageActions> sources, Face face, OrderView order) {
        return sources.stream().flatMap(s -> s.actionsFor(face, order).stream()).toList();
    }
}
