package cn.cbecpilot.platform.exportreturn.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules look at for an application: its lines, the export lists they name as read under lock, and the codes
 * already on returns that hold their units.
 */
public record ReturnApplication(
        LocalDate appliedOn, List<RequestedLine> lines, Map<String, ExportedList> lists, Set<String> codesOnReturns) {

    public ReturnApplication {
        lines = List.copyOf(lines);
        lists = Map.copyOf(lists);
        codesOnReturns = Set.copyOf(codesOnReturns);
    }

    /** The list of a line if it exists and was released by the application day. */
    public Optional<ExportedList> releasedListOf(RequestedLine line) {
        return Optional.ofNullable(lists.get(line.exportListNo())).filter(l -> l.releasedBy(appliedOn));
    }

    public Optional<ExportedLine> exportedLineOf(RequestedLine line) {
        return releasedListOf(line).map(l -> l.lines().get(line.gnum()));
    }
}
