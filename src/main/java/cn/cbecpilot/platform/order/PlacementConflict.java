package cn.cbecpilot.platform.order;

import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * What a placement read changed before it could write: the buyer's quota moved (another of the buyer's orders, or a
 * cancellation giving quota back) or another order took the units. Nothing was written; reading and checking again
 * gives the right answer, which may now be a refusal. Should the conflicts go on past every try, the platform answers
 * 503 and the client tries again with the same Idempotency-Key.
 */
class PlacementConflict extends ConcurrencyFailureException {

    /** The SQLSTATE of {@code stock_slot_short()} (V83). */
    static final String SLOT_SHORT = "PSLOT";

    /**
     * The write's own refusals (raised by placement_conflict(), and by stock_slot_short() when even a fresh allotment
     * left too few units) and a deadlock PostgreSQL broke.
     */
    static final Set<String> SQL_STATES = Set.of("40001", SLOT_SHORT, "40P01");

    PlacementConflict(Throwable cause) {
        super("the buyer's quota or the units changed while the order was placed", cause);
    }
}
