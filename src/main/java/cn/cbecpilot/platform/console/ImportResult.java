package cn.cbecpilot.platform.console;

import java.time.LocalDate;
import java.util.List;

/**
 * What a positive-list CSV import did: how many rows the file held under its header, and either the edition it
 * created or every refused row with its reason (an edition is imported whole or not at all).
 *
 * @param problemKey a message key for a refusal of the whole request (a bad name, a duplicate), else null
 */
record ImportResult(
        String edition,
        LocalDate effectiveFrom,
        int linesRead,
        int imported,
        List<Refused> refused,
        String problemKey) {

    ImportResult {
        refused = List.copyOf(refused);
    }

    /** A row the import refused; {@code where} is "line N" of the file, or "file". */
    record Refused(String where, String reason) {}

    public boolean succeeded() {
        return problemKey == null && refused.isEmpty();
    }
}
