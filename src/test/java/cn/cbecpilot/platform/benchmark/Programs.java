package cn.cbecpilot.platform.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Programs of the machine the benchmark runs beside the platform: pgbench, wrk. */
final class Programs {

    private Programs() {}

    /** The first executable of that name in a directory of the PATH. */
    static Optional<Path> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
