package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;

/** An order head with what its lifecycle has learnt: clearance status and dates, and a pending cancellation. */
record LifecycleRow(
        OrderRow order,
        String invtNo,
        String customsStatus,
        Instant customsStatusAt,
        Instant releasedAt,
        OrderStatus statusBeforeCancel) {

    static final String COLUMNS =
            OrderRow.COLUMNS + ", invt_no, customs_status, customs_status_at, released_at, status_before_cancel";

    static LifecycleRow from(Readable r, PersonalData data) {
        String before = r.get("status_before_cancel", String.class);
        return new LifecycleRow(
                OrderRow.from(r, data),
                r.get("invt_no", String.class),
                r.get("customs_status", String.class),
                instant(r.get("customs_status_at", OffsetDateTime.class)),
                instant(r.get("released_at", OffsetDateTime.class)),
                before == null ? null : OrderStatus.valueOf(before));
    }

    String orderNo() {
        return order.orderNo();
    }

    OrderStatus status() {
        return order.status();
    }

    /** The same order after a transition this instance persisted (one version later). */
    LifecycleRow movedTo(OrderStatus next) {
        OrderRow moved = order.movedTo(next);
        return new LifecycleRow(moved, invtNo, customsStatus, customsStatusAt, releasedAt, statusBeforeCancel);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
