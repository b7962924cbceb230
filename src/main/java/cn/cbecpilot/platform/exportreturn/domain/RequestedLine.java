package cn.cbecpilot.platform.exportreturn.domain;

import java.util.List;

/**
 * One line of a return application: units of one line of an original export list.
 *
 * @param gcode the gcode the applicant states, checked against the list; null when not stated
 * @param codes the traceability codes of the returned units; empty when none are given
 */
public record RequestedLine(String exportListNo, int gnum, String gcode, int quantity, List<String> codes) {

    public RequestedLine {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
