package cn.cbecpilot.platform.enterprise;

/** What an enterprise does in a CBEC transaction. */
public enum Role {
    PLATFORM,
    SELLER,
    LOGISTICS,
    PAYMENT,
    WAREHOUSE
}
