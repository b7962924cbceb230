package cn.cbecpilot.platform.catalog;

/** One row of a positive-list edition: an 8-digit tariff line, its goods description and its remark. */
public record PositiveListLine(int seq, String tariffLine, String description, String remark) {

    public ListRemark limits() {
        return ListRemark.parse(remark);
    }
}
