package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.enterprise.Enterprise;

/**
 * An order line with what the rules need to know about it.
 *
 * @param product null when the SKU is unknown
 * @param seller the product's seller (ebc), null when not registered
 * @param availableStock units of the SKU in bond that are unexpired, unrecalled and not reserved
 * @param boughtThisYear units of the SKU the buyer already ordered this calendar year
 */
public record CheckedLine(
        int lineNo,
        String sku,
        int quantity,
        Product product,
        Enterprise seller,
        int availableStock,
        int boughtThisYear) {}
