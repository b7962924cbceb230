package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.Disposition;
import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the export-return and export-list API. Size limits refuse absurd input before any rule runs. */
final class ExportReturnApi {

    private ExportReturnApi() {}

    static final String CODE = "[0-9A-Za-z()]{1,64}";

    record ApplyRequest(
            @NotEmpty @Size(max = 100, message = "a return holds at most 100 lines")
                    List<@NotNull @Valid LineRequest> lines,
            Disposition disposition,
            @Size(max = 500) String reason,
            @Valid Transport transport) {}

    record LineRequest(
            @NotBlank @Pattern(regexp = "[0-9A-Za-z_-]{1,20}") String exportListNo,
            @NotNull @Min(1) @Max(9999) Integer gnum,
            @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String gcode,
            @NotNull @Min(value = 1, message = "quantity must be at least 1") @Max(999999) Integer quantity,
            @Size(max = 1000) List<@NotNull @Pattern(regexp = CODE) String> codes) {}

    /** How the goods travel back; the CEB213 falls back to the original list's carrier and port where absent. */
    record Transport(
            @Size(max = 80) String logisticsNo,
            @Size(max = 37) String billNo,
            @Pattern(regexp = "\\d") String trafMode,
            @Size(max = 100) String trafName,
            @Size(max = 32) String voyageNo) {}

    /**
     * @param operatorCode the site operator who tallied, when not the configured site's
     * @param operatorName its name, required with a code
     */
    record TallyRequest(
            @NotEmpty @Size(max = 100) List<@NotNull @Valid TallyLineRequest> lines,
            @Size(max = 250) String location,
            @Pattern(regexp = "[0-9A-Za-z]{1,18}") String operatorCode,
            @Size(min = 1, max = 100) String operatorName) {}

    /** Corrections to a rejected return before it is declared again; absent fields stay as they were. */
    record RedeclareRequest(@Size(max = 500) String reason, @Valid Transport transport) {}

    record TallyLineRequest(
            @Pattern(regexp = "[0-9A-Za-z_-]{1,20}") String exportListNo,
            @Min(1) @Max(9999) Integer gnum,
            @NotNull @Min(value = 1, message = "quantity must be at least 1") @Max(999999) Integer quantity,
            @Size(max = 1000) List<@NotNull @Pattern(regexp = CODE) String> codes) {}

    record DisposeRequest(@NotNull Disposition disposition, Boolean rebateRepaid) {}

    record StatusAnswer(String returnNo, ReturnStatus status) {}

    record ReturnDetails(
            String returnNo,
            ReturnStatus status,
            boolean taxExempt,
            Disposition requestedDisposition,
            Disposition disposition,
            String reentryBasis,
            LocalDate appliedOn,
            LocalDate arrivalDeadline,
            LocalDate arrivedOn,
            List<ReturnLine> lines,
            List<History> history,
            List<BondStock> bondStock) {}

    record ReturnLine(
            int lineNo,
            String exportListNo,
            int gnum,
            String gcode,
            String name,
            int quantity,
            Integer talliedQuantity,
            boolean taxExempt,
            List<String> codes) {}

    record History(ReturnStatus from, ReturnStatus to, String event, Instant at) {}

    record BondStock(int lineNo, String condition, int quantity) {}

    record ReturnSummary(
            String returnNo, ReturnStatus status, boolean taxExempt, LocalDate appliedOn, LocalDate arrivalDeadline) {}

    record ImportRequest(
            @NotBlank @Pattern(regexp = "[0-9A-Za-z_-]{1,20}") String exportListNo,
            @NotBlank @Pattern(regexp = "\\d{4}") String tradeMode,
            @NotBlank @Pattern(regexp = "\\d{4}") String customsCode,
            @NotBlank @Pattern(regexp = "\\d{4}") String portCode,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z]{1,18}") String ebpCode,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z]{1,18}") String ebcCode,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z]{1,18}") String logisticsCode,
            @NotBlank @Pattern(regexp = "\\d{3}") String country,
            @NotNull LocalDate declaredOn,
            LocalDate releasedOn,
            Boolean rebateClaimed,
            @NotEmpty @Size(max = 999) List<@NotNull @Valid ImportLine> lines) {}

    record ImportLine(
            @NotNull @Min(1) @Max(9999) Integer gnum,
            @NotBlank @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String gcode,
            @NotBlank @Size(max = 250) String name,
            @Size(max = 250) String model,
            @NotNull @Min(1) @Max(999999) Integer quantity,
            @NotBlank @Pattern(regexp = "\\d{3}") String unit,
            @Size(max = 10000) List<@NotNull @Pattern(regexp = CODE) String> codes,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 5) BigDecimal legalQuantity,
            @Pattern(regexp = "\\d{3}") String legalUnit) {}

    record Imported(List<String> exportListNos) {}

    record ExportListView(
            String exportListNo,
            String tradeMode,
            LocalDate declaredAt,
            LocalDate releasedAt,
            boolean rebateClaimed,
            List<ExportListLineView> lines) {}

    record ExportListLineView(int gnum, String gcode, String name, int quantity, String unit, int returnedQuantity) {}
}
