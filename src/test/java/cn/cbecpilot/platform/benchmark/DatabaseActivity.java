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
record DatabaseActivity(long commits, long walFlushes, long walBytes) {

    static final DatabaseActivity UNKNOWN = new DatabaseActivity(-1, -1, -1);

    /** The counters now; {@link #UNKNOWN} when the cluster cannot be read. */
    static DatabaseActivity now(Path dataDirectory) {
        try {
            List<String> pid =
                    Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
            String url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres";
            try (Connection db = DriverManager.getConnection(url, "postgres", "");
                    Statement sql = db.createStatement();
                    ResultSet row = sql.executeQuery("select (select sum(xact_commit) from pg_stat_database),"
                            + " wal_sync, wal_bytes from pg_stat_wal")) {
                row.next();
                return new DatabaseActivity(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        } catch (IOException | SQLException | RuntimeException unreadable) {
            return UNKNOWN;
        }
    }

    DatabaseActivity since(DatabaseActivity start) {
        if (this == UNKNOWN || start == UNKNOWN) {
            return UNKNOWN;
        }
        return new DatabaseActivity(commits - start.commits, walFlushes - start.walFlushes, walBytes - start.walBytes);
    }

    /** Per unit of work: "12.1 commits, 7.9 WAL flushes, 41 kB of WAL". */
    String per(long units) {
        if (this == UNKNOWN) {
            return "commits not read";
        }
        return "%.1f commits, %.1f WAL flushes, %.0f kB of WAL"
                .formatted((double) commits / units, (double) walFlushes / units, walBytes / 1024.0 / units);
    }
}
