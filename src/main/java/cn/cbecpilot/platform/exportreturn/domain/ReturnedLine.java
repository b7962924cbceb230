package cn.cbecpilot.platform.exportreturn.domain;

import java.time.LocalDate;
import java.util.List;

/** One line of a declared return, with the release day of its export list, as the tally checks it. */
public record ReturnedLine(
        int lineNo, String exportListNo, int gnum, int quantity, List<String> codes, LocalDate releasedOn) {

    public ReturnedLine {
        codes = List.copyOf(codes);
    }
}
