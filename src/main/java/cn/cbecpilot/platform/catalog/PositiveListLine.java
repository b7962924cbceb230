package cn.cbecpilot.platform.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One row of a positive-list edition: an 8-digit tariff line, its goods description and its remark. */
public record PositiveListLine(int seq, String tariffLine, String description, String remark) {

    /**
     * Remarks read once: every order line is checked against its tariff line's remark, and the remarks are the few
     * texts of the imported editions.
     */
    private static final Map<String, ListRemark> READ = new ConcurrentHashMap<>();

    public ListRemark limits() {
        return remark == null ? ListRemark.NONE : READ.computeIfAbsent(remark, ListRemark::parse);
    }
}
