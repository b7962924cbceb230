package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.catalog.Category;
import cn.cbecpilot.platform.shared.Money;
import java.time.LocalDate;

/**
 * A positive-list product as the storefront shows it.
 *
 * @param estimatedTax the CBEC tax of one unit ordered alone, its share of freight included
 * @param nearestExpiry the nearest expiry among its sellable units in bond, null when none are left
 */
record ProductCard(
        String sku,
        String name,
        Category category,
        Money price,
        Money estimatedTax,
        int stock,
        String unit,
        String originCountry,
        String registrationCertificate,
        LocalDate nearestExpiry,
        String tariffLine,
        String listRemark,
        Integer maxPerOrder) {

    public boolean inStock() {
        return stock > 0;
    }

    /**
     * Whether an order of it can pass the pilot's rules at all: a drug or device without a Chinese import registration
     * certificate never does (PILOT_PRODUCT), so it is shown but not offered.
     */
    public boolean certified() {
        return !category.isPilotProduct() || (registrationCertificate != null && !registrationCertificate.isBlank());
    }

    /** In stock and certified: what the storefront lets a consumer put in the cart. */
    public boolean orderable() {
        return inStock() && certified();
    }
}
