package cn.cbecpilot.platform.order;

/**
 * What can happen to an import order: the buyer's and operator's verbs, and the customs receipts that move it (each
 * receipt code mapped to one event by {@link ReceiptEvents}).
 */
public enum OrderEvent {
    PAY,
    DECLARE,
    REDECLARE,
    CANCEL,
    PAYMENT_TIMEOUT,
    /** CEB622 120: logic check passed. */
    ACCEPT,
    /** CEB622 300. */
    REVIEW,
    /** CEB622 500. */
    INSPECT,
    /** CEB622 501..599. */
    DETAIN,
    /** CEB622 100 or a negative code. */
    REJECT,
    /** CEB622 700. */
    RETURN_ABROAD,
    /** CEB622 800, or 899 (closed implies released). */
    RELEASE,
    /** CEB624 399. */
    APPROVE_CANCEL,
    /** CEB624 100. */
    REFUSE_CANCEL,
    PICK,
    HANDOVER,
    SIGN,
    RETURN,
    /** CEB626 399. */
    APPROVE_RETURN,
    /** CEB626 100. */
    REFUSE_RETURN,
    /** The returned goods are back in bond, their codes scanned. */
    RECEIVE_RETURN,
    /** The approved return's goods did not come back in bond within the window: the sale stands. */
    RETURN_LAPSED
}
