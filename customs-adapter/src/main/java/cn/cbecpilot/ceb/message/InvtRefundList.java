package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One returned line (CEB625 {@code InvtRefundList}); {@code gnum} is the line on the original list. Components follow the schema's order;
 * optional ones ({@code note}) may be null.
 */
public record InvtRefundList(int gnum, String gcode, String gname, BigDecimal qty, String unit, String note) {

    public InvtRefundList {
        Objects.requireNonNull(gcode, "gcode");
        Objects.requireNonNull(gname, "gname");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(unit, "unit");
    }

    void write(XmlOut out) {
        out.add("gnum", gnum);
        out.add("gcode", gcode);
        out.add("gname", gname);
        out.add("qty", qty);
        out.add("unit", unit);
        out.add("note", note);
    }
}
