package cn.cbecpilot.platform.exportreturn.domain;

/** Where released returned goods go. */
public enum Disposition {
    RE_ENTER_DOMESTIC,
    BONDED_STORAGE
}
