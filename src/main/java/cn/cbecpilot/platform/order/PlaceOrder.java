package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.compliance.Buyer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A consumer's order as asked for, before any rule has looked at it. */
public record PlaceOrder(
        String idempotencyKey, String platformCode, List<Line> lines, Buyer buyer, Consignee consignee) {

    public PlaceOrder {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        lines = List.copyOf(lines);
    }

    /** One SKU and how many units of it. */
    public record Line(String sku, int quantity) {}

    /** Who receives the parcel. */
    public record Consignee(String name, String phone, String address) {}

    /** A digest of what was asked, so that a key sent again with another order is told apart from a retry. */
    String fingerprint() {
        String text = platformCode + "|" + lines + "|" + buyer + "|" + consignee;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
