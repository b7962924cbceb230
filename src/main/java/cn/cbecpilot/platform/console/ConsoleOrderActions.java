package cn.cbecpilot.platform.console;

import static cn.cbecpilot.platform.order.OrderStatus.*;

import cn.cbecpilot.platform.order.OrderStatus;
import cn.cbecpilot.platform.order.OrderView;
import cn.cbecpilot.platform.pages.OrderPageActions;
import cn.cbecpilot.platform.pages.PageAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operator's buttons, as the transition table allows them. Picking and goods returned take scanned codes, so the
 * order page gives them a form of their own; these are the one-click events.
 */
@Component
@Order(2)
class ConsoleOrderActions implements OrderPageActions {

    private static final Set<OrderStatus> CANCELLABLE =
            Set.of(PENDING_PAYMENT, PAID, DECLARED, CUSTOMS_ACCEPTED, REJECTED);

    @Override
    public List<PageAction> actionsFor(Face face, OrderView order) {
        if (face != Face.CONSOLE) {
            return List.of();
        }
        String base = "/console/orders/" + order.orderNo();
        List<PageAction> actions = new ArrayList<>();
        if (order.status() == REJECTED) {
            actions.add(PageAction.form("action.redeclare", base + "/redeclare"));
        }
        if (order.status() == OUT_OF_BOND) {
            actions.add(PageAction.form("action.handover", base + "/handover"));
        }
        if (order.status() == IN_TRANSIT) {
            actions.add(PageAction.form("action.delivered", base + "/delivered"));
        }
        if (CANCELLABLE.contains(order.status())) {
            actions.add(PageAction.form("action.cancel", base + "/cancel"));
        }
        return actions;
    }
}
