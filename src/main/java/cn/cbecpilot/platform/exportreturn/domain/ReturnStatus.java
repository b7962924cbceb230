package cn.cbecpilot.platform.exportreturn.domain;

/** Where an export return stands; the transition table lives in the lifecycle. */
public enum ReturnStatus {
    DRAFT,
    DECLARED,
    ACCEPTED,
    UNDER_REVIEW,
    REJECTED,
    ARRIVED,
    RELEASED,
    RE_ENTERED_DOMESTIC,
    BONDED_STORAGE,
    CONSOLIDATED,
    REPAIRED,
    RELABELLED,
    RE_EXPORTED,
    EXPIRED;

    /** Whether the goods may still arrive: the states the expiry job looks at. */
    public boolean awaitsArrival() {
        return this == DRAFT || this == DECLARED || this == ACCEPTED || this == UNDER_REVIEW;
    }

    /** Whether the return's units stay taken from the export lists (a rejected or expired one gives them back). */
    public boolean holdsUnits() {
        return this != REJECTED && this != EXPIRED;
    }
}
