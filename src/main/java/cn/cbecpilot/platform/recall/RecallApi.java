package cn.cbecpilot.platform.recall;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The recall API's requests and answers; buyers appear masked. */
final class RecallApi {

    private RecallApi() {}

    /** Without batch numbers and codes, the campaign covers every lot of the SKU. */
    record OpenRecall(
            @NotBlank @Size(max = 32) String sku,
            @Size(max = 1000)
                    List<@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "must be a batch number") String>
                            batchNos,
            @Size(max = 10000) List<@NotBlank @Size(max = 200) String> codes,
            @NotBlank @Size(max = 200) String reason) {

        List<String> batchNosOrNone() {
            return batchNos == null ? List.of() : batchNos.stream().distinct().toList();
        }

        List<String> codesOrNone() {
            return codes == null ? List.of() : codes;
        }
    }

    record Opened(String recallNo, long blockedUnits, List<String> affectedOrders) {}

    record Retrieve(@NotEmpty @Size(max = 10000) List<@NotBlank @Size(max = 200) String> codes) {}

    record Retrieved(String recallNo, int retrieved, int alreadyRetrieved, RecallProgress progress) {}

    record Summary(
            String recallNo,
            String sku,
            List<String> batchNos,
            String reason,
            String openedBy,
            Instant openedAt,
            long affectedOrders,
            RecallProgress progress) {}

    record Details(
            String recallNo,
            String sku,
            String productName,
            List<String> batchNos,
            String reason,
            String openedBy,
            Instant openedAt,
            RecallProgress progress,
            List<Order> affectedOrders) {}

    /** @param units recalled units bound to the order (0 for an order that only reserved stock) */
    record Order(
            String orderNo,
            AffectedOrder.Kind kind,
            String orderStatus,
            Buyer buyer,
            long units,
            long retrieved,
            Notice notice) {}

    record Buyer(String name, String phone) {}

    record Notice(String channel, String status, Instant sentAt) {}
}
