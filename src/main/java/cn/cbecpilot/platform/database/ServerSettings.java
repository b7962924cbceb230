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
     * The settings, by name. A checkpoint every 15 minutes rather than PostgreSQL's 5, with room for the WAL of those
     * 15 minutes at a national peak (about 3 kB per order placed, 55-80 kB per whole lifecycle: 3.5-4 GB): after
     * each checkpoint the first change of every page writes the whole page into the WAL, and in the benchmark a
     * lifecycle phase with a checkpoint wrote 82 kB of WAL per lifecycle (4.8 whole pages) and cost PostgreSQL 10.05
     * ms of processor time each, one without 54 kB and 8.99 ms (README, "Benchmark"). The price is a longer recovery
     * after a crash, which replays the WAL written since the last checkpoint.
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
        settings.put("checkpoint_timeout", "15min");
        settings.put("max_wal_size", "4GB");
        return Collections.unmodifiableMap(settings);
    }
}
