package cn.cbecpilot.platform.exportreturn;

import java.time.LocalDate;
import java.util.List;

/** One persisted line of an export return with its codes and the release day of its export list. */
record ReturnLineRow(
        int lineNo,
        String exportListNo,
        int gnum,
        String gcode,
        String name,
        int quantity,
        Integer talliedQuantity,
        boolean taxExempt,
        LocalDate releasedOn,
        boolean rebateClaimed,
        List<String> codes) {}
