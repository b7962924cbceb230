package cn.cbecpilot.platform.exportreturn.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * An export list as recorded.
 *
 * @param releasedOn the day customs released the export, or null while it is not released
 */
public record ExportedList(
        String exportListNo,
        String tradeMode,
        LocalDate releasedOn,
        boolean rebateClaimed,
        Map<Integer, ExportedLine> lines) {

    public ExportedList {
        lines = Map.copyOf(lines);
    }

    public boolean releasedBy(LocalDate day) {
        return releasedOn != null && !releasedOn.isAfter(day);
    }
}
