package cn.cbecpilot.platform.benchmark;

import cn.cbecpilot.platform.database.ServerSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What this machine's PostgreSQL can do at all: pgbench's TPC-B-like transaction on a throwaway embedded server
 * configured like the platform's, so the platform's figures can be read against a ceiling.
 */
final class PgbenchCeiling {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private PgbenchCeiling() {}

    static Path pgbench() throws IOException {
        String configured = System.getenv("PGBENCH");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Optional<Path> onPath = Programs.onPath("pgbench");
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> found = versions.map(v -> v.resolve("bin/pgbench"))
                        .filter(Files::isExecutable)
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException(
                "pgbench not found: install Debian's postgresql package (bash .ci/benchmark does) or set PGBENCH");
    }

    /** Runs TPC-B for {@code duration} with {@code clients} connections; answers transactions per second. */
    static double measure(int scale, int clients, Duration duration) throws IOException, InterruptedException {
        Path pgbench = pgbench();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        ServerSettings.EMBEDDED.forEach(builder::setServerConfig);
        try (EmbeddedPostgres server = builder.start()) {
            String port = Integer.toString(server.getPort());
            List<String> connection = List.of("-h", "127.0.0.1", "-p", port, "-U", "postgres");
            run(pgbench, connection, List.of("-i", "-q", "-s", Integer.toString(scale), "postgres"));
            String out = run(
                    pgbench,
                    connection,
                    List.of(
                            "-c",
                            Integer.toString(clients),
                            "-j",
                            "2",
                            "-T",
                            Long.toString(duration.toSeconds()),
                            "postgres"));
            Matcher tps = TPS.matcher(out);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + out);
            }
            return Double.parseDouble(tps.group(1));
        }
    }

    private static String run(Path pgbench, List<String> connection, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(pgbench.toString());
        command.addAll(connection);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    "pgbench failed: " + command + "\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
