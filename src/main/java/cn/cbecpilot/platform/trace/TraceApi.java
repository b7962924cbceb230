package cn.cbecpilot.platform.trace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a consumer sees of a unit: product, origin, lot, clearance, delivery and recall. Nothing personal: no buyer,
 * no consignee, no order number.
 */
final class TraceApi {

    private TraceApi() {}

    /**
     * @param lot the batch number of the unit's lot
     * @param clearance present once the order the unit was sold in is released by customs
     * @param recall present when a recall campaign reached the unit
     */
    record UnitTrace(
            String code,
            TraceScheme scheme,
            String sku,
            String productName,
            String originCountry,
            String registrationCertificate,
            String lot,
            LocalDate expiry,
            TraceStatus status,
            Instant enteredBondAt,
            List<Event> events,
            Clearance clearance,
            Delivery delivery,
            Recall recall) {}

    record Event(String type, Instant at) {}

    /** @param invtNo the customs inventory list number, when customs has assigned it */
    record Clearance(String invtNo, Instant releasedAt) {}

    /** @param status {@code IN_BOND}, or the status of the order the unit left bond in */
    record Delivery(String status, Instant since) {}

    record Recall(String recallNo, String reason, Instant since, boolean retrieved) {}
}
