package cn.cbecpilot.platform.recall;

/**
 * Where a campaign stands. Units are counted where they were when the campaign blocked them, except that units whose
 * order has since been delivered count as delivered.
 *
 * @param blocked every unit the campaign reached: {@code inBond + outOfBond + delivered}
 * @param inBond units still in the bonded warehouse (including units in bond without a registered code)
 * @param outOfBond units that had left bond and not (yet) reached the consumer
 * @param delivered units the consumer had received
 * @param notices notices to the buyers of affected orders, one per order
 * @param notified notices sent
 * @param retrieved units taken back
 */
record RecallProgress(
        long blocked, long inBond, long outOfBond, long delivered, long notices, long notified, long retrieved) {

    RecallProgress {
        if (blocked != inBond + outOfBond + delivered) {
            throw new IllegalArgumentException("blocked units must be in bond, out of bond or delivered");
        }
    }
}
