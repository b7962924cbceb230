package cn.cbecpilot.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL per JVM. A data directory given keeps its data across restarts: the cluster lives in its
 * {@code postgres} folder (initdb runs only when that folder holds no cluster yet), beside the platform's own files;
 * none given means a fresh throwaway cluster, as tests want.
 */
final class EmbeddedPostgresServer {

    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(60);

    private static EmbeddedPostgres server;
    private static FileChannel instanceLock;

    private EmbeddedPostgresServer() {}

    static synchronized int start(Path dataDirectory) {
        if (server != null) {
            return server.getPort();
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
            ServerSettings.EMBEDDED.forEach(builder::setServerConfig);
            if (dataDirectory == null) {
                builder.setCleanDataDirectory(true);
            } else {
                Path cluster = dataDirectory.resolve("postgres");
                Files.createDirectories(cluster);
                claimDataDirectory(dataDirectory);
                stopOrphanedServer(cluster);
                builder.setDataDirectory(cluster.toAbsolutePath()).setCleanDataDirectory(false);
            }
            // stopped once the application has closed rather than by a hook of its own beside the application's, so
            // that what a graceful stop lets finish (requests under way, the outbox's round) still finds it running
            server = builder.setRegisterShutdownHook(false).start();
            SpringApplication.getShutdownHandlers().add(EmbeddedPostgresServer::stop);
            return server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }

    /**
     * Holds an exclusive lock on the data directory for the life of this JVM. The operating system drops it when the
     * process dies, even by kill -9, so holding it proves no other platform instance uses this directory.
     */
    private static void claimDataDirectory(Path dataDirectory) throws IOException {
        FileChannel channel = FileChannel.open(
                dataDirectory.resolve("platform.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IllegalStateException("Another platform instance is running on the data directory "
                    + dataDirectory.toAbsolutePath() + "; stop it first or set PLATFORM_DATA_DIR to another folder");
        }
        instanceLock = channel;
    }

    /**
     * A platform killed with -9 leaves its PostgreSQL running (pg_ctl detaches it) or leaves postmaster.pid behind.
     * With the directory lock held, such a server has no owner any more: ask it to shut down (SIGTERM, a smart
     * shutdown that lets it finish its checkpoint), then remove a pid file whose process is gone.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (firstLine.matches("\\d{1,10}")) {
            ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(ProcessHandle::isAlive)
                    .filter(EmbeddedPostgresServer::isPostgres)
                    .ifPresent(EmbeddedPostgresServer::shutDown);
        }
        Files.deleteIfExists(pidFile);
    }

    /** Guards against a pid that the system has since given to an unrelated process. */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    private static void shutDown(ProcessHandle orphan) {
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an orphaned embedded PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "An orphaned embedded PostgreSQL (pid " + orphan.pid() + ") did not stop within "
                            + ORPHAN_SHUTDOWN.toSeconds() + " s",
                    e);
        }
    }
}
