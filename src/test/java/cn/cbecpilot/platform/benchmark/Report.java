package cn.cbecpilot.platform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's figures, each with the machine's load average when it was taken: the machine is shared, and a figure
 * measured while others compile is a floor, not the platform's own.
 */
final class Report {

    private final List<String> rows = new ArrayList<>();
    private long failures;

    void add(String figure, String format, Object... values) {
        String row = "| %s | %s | %s |".formatted(figure, format.formatted(values), loadAverage());
        rows.add(row);
        System.out.println(row);
    }

    void failed(long count) {
        failures += count;
    }

    long failures() {
        return failures;
    }

    String markdown() {
        List<String> all = new ArrayList<>();
        all.add("Machine: %d cores, %s".formatted(Runtime.getRuntime().availableProcessors(), cpu()));
        all.add("");
        all.add("| figure | measured | load average (1, 5, 15 min) when taken |");
        all.add("|---|---|---|");
        all.addAll(rows);
        return String.join("\n", all) + "\n";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException unknown) {
            return "n/a";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException unknown) {
            return "unknown CPU";
        }
    }
}
