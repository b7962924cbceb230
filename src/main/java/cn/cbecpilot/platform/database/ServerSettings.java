package cn.cbecpilot.platform.database;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the embedded PostgreSQL runs; the benchmark starts its pgbench ceiling and its shared cluster with the same, so
 * that their figures read against the platform's. Durable: every commit waits for its WAL on disk.
 */
public final class ServerSettings {

    /**
     * The settings, by name. The WAL and checkpoints keep PostgreSQL's defaults: the benchmark reports the checkpoints,
     * full-page images and waits for a full WAL buffer of each phase and each round of placements, which would call
     * for others.
     */
    public static final Map<String, String> EMBEDDED = settings();

    private ServerSettings() {}

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("max_connections", "200");
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("shared_buffers", "256MB");
        settings.put("synchronous_commit", "on");
        settings.put("fsync", "on");
        return Collections.unmodifiableMap(settings);
    }
}
