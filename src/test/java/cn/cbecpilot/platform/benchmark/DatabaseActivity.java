package cn.cbecpilot.platform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The commits and WAL flushes of a platform's embedded PostgreSQL, read from {@code pg_stat_database} and
 * {@code pg_stat_wal} of the cluster in the platform's data directory: each commit that wrote waits for its WAL to
 * reach the disk, so commits per unit of work say what processor time alone does not.
 */
record DatabaseActivity(
        long commits, long walFlushes, long walBytes, long fullPageImages, long walBuffersFull, long checkpoints) {

    static final DatabaseActivity UNKNOWN = new DatabaseActivity(-1, -1, -1, -1, -1, -1);

    /** The counters now; {@link #UNKNOWN} when the cluster cannot be read. */
    static DatabaseActivity now(Path dataDirectory) {
        try {
            List<String> pid =
                    Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
            String url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres";
            try (Connection db = DriverManager.getConnection(url, "postgres", "");
                    Statement sql = db.createStatement();
                    ResultSet row = sql.executeQuery("select (select sum(xact_commit) from pg_stat_database),"
                            + " wal_sync, wal_bytes, wal_fpi, wal_buffers_full, (select num_timed + num_requested"
                            + " from pg_stat_checkpointer) from pg_stat_wal")) {
                row.next();
                return new DatabaseActivity(
                        row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6));
            }
        } catch (IOException | SQLException | RuntimeException unreadable) {
            return UNKNOWN;
        }
    }

    DatabaseActivity since(DatabaseActivity start) {
        if (this == UNKNOWN || start == UNKNOWN) {
            return UNKNOWN;
        }
        return new DatabaseActivity(
                commits - start.commits,
                walFlushes - start.walFlushes,
                walBytes - start.walBytes,
                fullPageImages - start.fullPageImages,
                walBuffersFull - start.walBuffersFull,
                checkpoints - start.checkpoints);
    }

    /**
     * Per unit of work, and what the phase cost the cluster as a whole: "12.1 commits, 7.9 WAL flushes, 41 kB of WAL
     * (0.8 full-page images) each; 1 checkpoint, WAL buffers full 0 times".
     */
    String per(long units) {
        if (this == UNKNOWN) {
            return "commits not read";
        }
        return "%.1f commits, %.1f WAL flushes, %.0f kB of WAL (%.1f full-page images) each; %d checkpoint%s, WAL buffers full %d times"
                .formatted(
                        (double) commits / units,
                        (double) walFlushes / units,
                        walBytes / 1024.0 / units,
                        (double) fullPageImages / units,
                        checkpoints,
                        checkpoints == 1 ? "" : "s",
                        walBuffersFull);
    }
}
