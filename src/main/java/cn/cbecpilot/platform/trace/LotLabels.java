package cn.cbecpilot.platform.trace;

import cn.cbecpilot.platform.catalog.Product;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The codes a lot will enter bond with, checked: either the ones scanned on its units, or none scanned, in which case
 * the registry issues one per unit (when the product has a GTIN or drug identification code to issue them under).
 *
 * @param scanned the scanned codes, one per unit; null when the warehouse labels the units itself
 */
public record LotLabels(Product product, String batchNo, LocalDate expiry, int quantity, List<TraceCode> scanned) {

    public LotLabels {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(batchNo, "batchNo");
        Objects.requireNonNull(expiry, "expiry");
        scanned = scanned == null ? null : List.copyOf(scanned);
    }

    public boolean issuedHere() {
        return scanned == null;
    }
}
