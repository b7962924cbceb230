package cn.cbecpilot.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The test JVM's one embedded PostgreSQL, stopped and started again in place: the same binaries, data directory, port
 * and settings, read from the {@code postmaster.opts} the server wrote when it first started. A fast stop, as an
 * operator's restart does: sessions are cut, committed data stays.
 */
final class EmbeddedDatabase {

    private static final Duration PG_CTL_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final Path pgCtl;
    private final String serverOptions;
    private final Path log;

    private EmbeddedDatabase(Path dataDirectory, Path pgCtl, String serverOptions, Path log) {
        this.dataDirectory = dataDirectory;
        this.pgCtl = pgCtl;
        this.serverOptions = serverOptions;
        this.log = log;
    }

    /** The server {@code db} is connected to, which must run on this machine. */
    static EmbeddedDatabase behind(DatabaseClient db) {
        String directory = db.sql("select current_setting('data_directory')")
                .map((r, m) -> r.get(0, String.class))
                .one()
                .toFuture()
                .join();
        Path data = Path.of(directory);
        try {
            // the postgres binary as given (an unquoted path), then each option in double quotes
            String opts = Files.readString(data.resolve("postmaster.opts")).strip();
            int end = opts.indexOf(' ');
            Path postgres = Path.of(opts.substring(0, end));
            Path log = Files.createTempFile("embedded-postgres-restart", ".log");
            log.toFile().deleteOnExit();
            return new EmbeddedDatabase(data, postgres.resolveSibling("pg_ctl"), opts.substring(end + 1), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        pgCtl("stop", "-m", "fast");
    }

    void start() {
        pgCtl("start", "-l", log.toString(), "-o", serverOptions);
    }

    private void pgCtl(String... action) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; the embedded server was started the same way
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                pgCtl.toString(), "-D", dataDirectory.toString(), "-w", "-t", Long.toString(PG_CTL_WAIT.toSeconds())));
        command.addAll(List.of(action));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            assertThat(process.waitFor(PG_CTL_WAIT.toSeconds() + 10, TimeUnit.SECONDS))
                    .as("pg_ctl %s finished (log: %s)", action[0], log)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("pg_ctl %s exit code (log: %s)", action[0], log)
                    .isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during pg_ctl " + action[0], e);
        }
    }
}
