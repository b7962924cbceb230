package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.order.OrderStatus;
import cn.cbecpilot.platform.order.OrderView;
import cn.cbecpilot.platform.pages.OrderPageActions;
import cn.cbecpilot.platform.pages.PageAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The buyer's buttons: pay while unpaid, cancel until customs accepted the list, a return once delivered. */
@Component
@Order(1)
class StorefrontOrderActions implements OrderPageActions {

    private static final Set<OrderStatus> CANCELLABLE =
            Set.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.DECLARED, OrderStatus.CUSTOMS_ACCEPTED);

    @Override
    public List<PageAction> actionsFor(Face face, OrderView order) {
        if (face != Face.STOREFRONT) {
            return List.of();
        }
        String base = "/orders/" + order.orderNo();
        List<PageAction> actions = new ArrayList<>();
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            actions.add(PageAction.link("action.pay", base + "/payment"));
        }
        if (CANCELLABLE.contains(order.status())) {
            actions.add(PageAction.form("action.cancel", base + "/cancel"));
        }
        if (order.status() == OrderStatus.DELIVERED) {
            actions.add(PageAction.form("action.requestReturn", base + "/return"));
        }
        return actions;
    }
}
