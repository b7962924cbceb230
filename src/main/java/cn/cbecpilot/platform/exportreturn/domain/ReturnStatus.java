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
    EXPIRED
}
