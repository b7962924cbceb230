package cn.cbecpilot.platform.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Processor time spent by the platform's JVM, by every PostgreSQL process and by this load process, read from /proc.
 * Throughput on a shared machine depends on what else runs; the processor time one order costs does not, so it is
 * the figure to compare runs by, and 2 cores divided by it is what an idle machine could reach.
 */
record CpuTime(double appMillis, double compilerMillis, double databaseMillis, double loadMillis) {

    private static final double MILLIS_PER_TICK = 10.0;

    /** No processor time: what a sum of phases starts from. */
    static final CpuTime NONE = new CpuTime(0, 0, 0, 0);

    static CpuTime now(long appPid) {
        Path app = Path.of("/proc", Long.toString(appPid));
        return new CpuTime(
                ticks(app.resolve("stat")) * MILLIS_PER_TICK,
                compilerTicks(app) * MILLIS_PER_TICK,
                databaseTicks() * MILLIS_PER_TICK,
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getProcessCpuTime()
                        / 1e6);
    }

    /**
     * The processor time of this JVM's children that have ended and been waited for ({@code cutime} and {@code cstime}
     * of /proc/self/stat): read before a load generator's process starts and after it has been waited for, it is that
     * process's time.
     */
    static double endedChildrenMillis() {
        return statFields(Path.of("/proc/self/stat"), 13, 14) * MILLIS_PER_TICK;
    }

    /**
     * Waits until the platform has settled: less than a tenth of a core busy over a second, or {@code atMost} passed.
     * Work the load set going (e.g. the outbox sending what placed orders declared) then no longer runs beside the
     * next phase's measurement.
     */
    static void awaitQuiet(long appPid, Duration atMost) {
        AtomicReference<CpuTime> last = new AtomicReference<>(now(appPid));
        try {
            Awaitility.await()
                    .atMost(atMost)
                    .pollDelay(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        CpuTime current = now(appPid);
                        return current.since(last.getAndSet(current)).appMillis() < 100;
                    });
        } catch (ConditionTimeoutException stillBusy) {
            // measured all the same; the report's load average shows it
        }
    }

    CpuTime since(CpuTime start) {
        return new CpuTime(
                appMillis - start.appMillis,
                compilerMillis - start.compilerMillis,
                databaseMillis - start.databaseMillis,
                loadMillis - start.loadMillis);
    }

    /** The processor time of this phase and {@code other}'s together. */
    CpuTime plus(CpuTime other) {
        return new CpuTime(
                appMillis + other.appMillis,
                compilerMillis + other.compilerMillis,
                databaseMillis + other.databaseMillis,
                loadMillis + other.loadMillis);
    }

    /** With {@code millis} more of the load's: a load generator's own process, beside this JVM. */
    CpuTime withLoad(double millis) {
        return new CpuTime(appMillis, compilerMillis, databaseMillis, loadMillis + millis);
    }

    /** The JIT compiler's share of the platform's processor time, which a warm-up waits to fall. */
    double compilerShare() {
        return compilerMillis / Math.max(1, appMillis);
    }

    /**
     * Per unit of work, e.g. per order placed: "app 0.80 ms (JIT compiler 0.05 ms), PostgreSQL 0.55 ms, load 0.30 ms".
     * The JIT compiler's share of the platform's time says whether a figure measured the platform's code or its
     * compilation still going on.
     */
    String per(long units) {
        return ("app %.2f ms (JIT compiler %.2f ms), PostgreSQL %.2f ms, load %.2f ms of CPU each; 2 idle cores allow"
                        + " about %.0f/s")
                .formatted(
                        appMillis / units,
                        compilerMillis / units,
                        databaseMillis / units,
                        loadMillis / units,
                        2000.0 * units / (appMillis + databaseMillis + loadMillis));
    }

    /**
     * The processor time of the JVM's compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}): on 2 cores
     * HotSpot keeps one of each alive, so their counts are not lost with a thread that ends.
     */
    private static long compilerTicks(Path appProcess) {
        return ticksOf(appProcess.resolve("task"), command -> command.contains("CompilerThre"));
    }

    /**
     * Every PostgreSQL process's own time and the time of those that have ended: the postmaster waits for the backends
     * and workers it started, so theirs goes into its {@code cutime} and {@code cstime}, and a backend that closes or
     * an autovacuum worker that finishes during a phase does not take its time out of the sum (it did, and gave one
     * phase a negative figure).
     */
    private static long databaseTicks() {
        return ticksOf(Path.of("/proc"), "postgres"::equals, CpuTime::ticksWithEnded);
    }

    /** The processor time of the processes (or threads) listed in {@code directory} whose command name matches. */
    private static long ticksOf(Path directory, Predicate<String> command) {
        return ticksOf(directory, command, CpuTime::ticks);
    }

    private static long ticksOf(Path directory, Predicate<String> command, ToLongFunction<Path> ticksOfStat) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> command.test(command(p)))
                    .mapToLong(p -> ticksOfStat.applyAsLong(p.resolve("stat")))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** utime + stime of /proc/[pid]/stat, fields 14 and 15, counted after the command name's closing parenthesis. */
    private static long ticks(Path stat) {
        return statFields(stat, 11, 12);
    }

    /** utime + stime + cutime + cstime, fields 14 to 17: the process's time and that of its children waited for. */
    private static long ticksWithEnded(Path stat) {
        return statFields(stat, 11, 12, 13, 14);
    }

    private static long statFields(Path stat, int... afterCommand) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long sum = 0;
            for (int field : afterCommand) {
                sum += Long.parseLong(fields[field]);
            }
            return sum;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
