package cn.cbecpilot.platform.audit;

import java.time.Instant;

/**
 * One entry of the trail.
 *
 * @param action what was done, e.g. {@code POST /api/console/lots} or {@code ENTERPRISE_CHANGED}
 * @param target what it was done to (a path or an entity key)
 * @param status the HTTP status answered, when the entry records a request
 * @param before the value before a configuration change (JSON), when known
 * @param after the submitted body or the value after the change (JSON, secrets redacted)
 */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String target,
        Integer status,
        String remote,
        String before,
        String after) {}
