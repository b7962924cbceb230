package cn.cbecpilot.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One embedded PostgreSQL per JVM. A data directory given keeps its data across restarts (initdb runs only when the
 * directory holds no cluster yet); none given means a fresh throwaway cluster, as tests want.
 */
final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    static synchronized int start(Path dataDirectory) {
        if (server != null) {
            return server.getPort();
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on");
            if (dataDirectory == null) {
                builder.setCleanDataDirectory(true);
            } else {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory.toAbsolutePath()).setCleanDataDirectory(false);
                removeStaleLock(dataDirectory);
            }
            server = builder.start();
            return server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A process killed with -9 leaves postmaster.pid behind; PostgreSQL itself refuses to start if that process still
     * runs, so removing a pid file whose process is gone is safe.
     */
    private static void removeStaleLock(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        boolean alive = !firstLine.isEmpty()
                && ProcessHandle.of(Long.parseLong(firstLine))
                        .map(ProcessHandle::isAlive)
                        .orElse(false);
        if (!alive) {
            Files.delete(pidFile);
        }
    }
}
