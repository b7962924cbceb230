package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.shared.Money;
import java.util.Objects;

/** What the platform charges for delivery: a flat fee, waived from a goods value on. */
public record FreightPolicy(Money flat, Money freeFrom) {

    public FreightPolicy {
        Objects.requireNonNull(flat, "flat");
        Objects.requireNonNull(freeFrom, "freeFrom");
    }

    public Money freightFor(Money goodsValue) {
        return goodsValue.compareTo(freeFrom) >= 0 ? Money.ZERO : flat;
    }
}
