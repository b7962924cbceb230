package cn.cbecpilot.ceb.message;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a retail export return request (CEB213 {@code InvtRefundList}); {@code gnum} is the line on the original list. Components follow the schema's order;
 * optional ones ({@code qty2, unit2, note}) may be null.
 */
public record ExportRefundList(
        int gnum,
        String gcode,
        String gname,
        String gmodel,
        BigDecimal qty,
        BigDecimal qty1,
        String unit,
        String unit1,
        BigDecimal qty2,
        String unit2,
        String note) {

    public ExportRefundList {
        Objects.requireNonNull(gcode, "gcode");
        Objects.requireNonNull(gname, "gname");
        Objects.requireNonNull(gmodel, "gmodel");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(qty1, "qty1");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unit1, "unit1");
    }

    void write(XmlOut out) {
        out.add("gnum", gnum);
        out.add("gcode", gcode);
        out.add("gname", gname);
        out.add("gmodel", gmodel);
        out.add("qty", qty);
        out.add("qty1", qty1);
        out.add("unit", unit);
        out.add("unit1", unit1);
        out.add("qty2", qty2);
        out.add("unit2", unit2);
        out.add("note", note);
    }
}
