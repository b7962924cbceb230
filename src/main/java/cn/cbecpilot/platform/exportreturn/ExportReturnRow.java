package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;

/** The persisted head of an export return, as its table holds it. */
record ExportReturnRow(
        String returnNo,
        ReturnStatus status,
        int version,
        Disposition requestedDisposition,
        Disposition disposition,
        String reentryBasis,
        boolean taxExempt,
        LocalDate appliedOn,
        LocalDate arrivalDeadline,
        LocalDate arrivedOn) {

    static final String COLUMNS = "return_no, status, version, requested_disposition, disposition, reentry_basis,"
            + " tax_exempt, applied_on, arrival_deadline, arrived_on";

    static ExportReturnRow from(Readable r) {
        return new ExportReturnRow(
                r.get("return_no", String.class),
                ReturnStatus.valueOf(r.get("status", String.class)),
                r.get("version", Integer.class),
                disposition(r.get("requested_disposition", String.class)),
                disposition(r.get("disposition", String.class)),
                r.get("reentry_basis", String.class),
                r.get("tax_exempt", Boolean.class),
                r.get("applied_on", LocalDate.class),
                r.get("arrival_deadline", LocalDate.class),
                r.get("arrived_on", LocalDate.class));
    }

    private static Disposition disposition(String name) {
        return name == null ? null : Disposition.valueOf(name);
    }
}
