package cn.cbecpilot.platform.catalog;

/** What kind of goods a product is; drugs and devices fall under the pilot's stricter rules. */
public enum Category {
    DRUG,
    DEVICE,
    OTHER;

    public boolean isPilotProduct() {
        return this != OTHER;
    }
}
