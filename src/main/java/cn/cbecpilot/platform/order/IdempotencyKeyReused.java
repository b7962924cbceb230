package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.Conflict;

/** An Idempotency-Key sent again with a different order: a client bug, not a retry. */
class IdempotencyKeyReused extends Conflict {

    private IdempotencyKeyReused(String message) {
        super(message);
    }

    static IdempotencyKeyReused forKey(String key) {
        return new IdempotencyKeyReused("Idempotency-Key " + key + " was already used for a different order");
    }
}
