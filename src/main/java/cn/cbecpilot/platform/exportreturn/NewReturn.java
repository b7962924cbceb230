package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An export return as the application creates it, lines resolved against their export lists. */
record NewReturn(
        String returnNo,
        Disposition requestedDisposition,
        boolean taxExempt,
        LocalDate appliedOn,
        LocalDate arrivalDeadline,
        String reason,
        ExportReturnApi.Transport transport,
        Instant at,
        List<Line> lines,
        String submissionKey) {

    record Line(
            int lineNo,
            String exportListNo,
            int gnum,
            String gcode,
            String name,
            String model,
            String unit,
            int quantity,
            boolean taxExempt,
            List<String> codes) {}
}
