package cn.cbecpilot.platform.compliance;

import java.util.List;

/** A rule an order must keep to be placed. */
@FunctionalInterface
public interface OrderRule {

    List<Violation> check(OrderCheck order);
}
