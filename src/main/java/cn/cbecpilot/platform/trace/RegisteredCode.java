package cn.cbecpilot.platform.trace;

/**
 * A registered unit as other capabilities need it.
 *
 * @param key the code's {@link TraceCode#key()}
 * @param raw the code as it was read when the unit was registered
 * @param orderNo the order the unit is bound to since picking; null while it is unsold
 */
public record RegisteredCode(
        long id, String key, String raw, String sku, long lotId, TraceStatus status, String orderNo) {}
