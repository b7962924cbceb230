package cn.cbecpilot.platform.exportreturn.domain;

import java.util.Set;

/**
 * One line of an export list as recorded, with the units already taken by returns.
 *
 * @param codes the traceability codes the list recorded for the line; empty when it recorded none
 */
public record ExportedLine(
        int gnum, String gcode, String name, String model, String unit, int exported, int returned, Set<String> codes) {

    public ExportedLine {
        codes = Set.copyOf(codes);
    }

    public int returnable() {
        return exported - returned;
    }
}
