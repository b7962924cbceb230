package cn.cbecpilot.platform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.ExtractedPlatform;
import cn.cbecpilot.platform.support.PlatformProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;
import reactor.core.publisher.Flux;

/**
 * The platform's figures on this machine. Each phase runs the platform as its own process the way docker/Dockerfile
 * runs it (the packaged jar extracted, started from the class-data archive its first start recorded; the packaged jar
 * itself is started once, for the start-up figure beside it) on a fresh embedded database; the figures go to
 * standard output and to {@code target/app/benchmark/report.md}.
 *
 * <p>Knobs (system properties): {@code benchmark.orders} placed in the closed-loop phase, {@code benchmark.concurrency}
 * in-flight requests there, {@code benchmark.load} ({@code wrk} or {@code jvm}) what drives it and the receipts, {@code
 * benchmark.rate} and {@code benchmark.seconds} for the open-loop latency phase, {@code benchmark.lifecycles} and
 * {@code benchmark.lifecycles-in-flight} for whole journeys (reported also by the 1,000), {@code
 * benchmark.warmup-orders}, {@code benchmark.warmup-lifecycles} and {@code benchmark.warmup-lifecycles-max} for the
 * warm-up before them, {@code benchmark.receipt-orders} (measured, a third one to a message with {@code
 * benchmark.concurrency} in flight, a third with {@code benchmark.receipts-in-flight}, a third {@code
 * benchmark.receipts-per-message}, up to 100, to a message), {@code benchmark.warmup-receipt-orders} and {@code
 * benchmark.warmup-receipt-orders-max} for the receipts phase (it runs on a restarted platform, whose compiler starts
 * over), {@code benchmark.one-instance} for the phases on one instance (placement, lifecycles, receipts), {@code
 * benchmark.two-instances} for the run of two instances on one shared PostgreSQL, {@code benchmark.pgbench-seconds},
 * {@code benchmark.java-home} for the JDK that runs the platform (the test JVM's by default), {@code benchmark.jvm} for
 * the platform's JVM options (add {@code -XX:StartFlightRecording=...} to profile, with {@code
 * benchmark.class-data=false}: Java 17's flight recorder crashes the JVM that loads classes from a dynamic class-data
 * archive).
 */
@Timeout(3600)
class PlatformBenchmark {

    private final int orders = Integer.getInteger("benchmark.orders", 10_000);
    private final int concurrency = Integer.getInteger("benchmark.concurrency", 64);
    /** Orders of the receipts phase whose receipts are pushed one at a time, each when the one before is answered. */
    private static final int QUIET_RECEIPT_ORDERS = 500;

    /**
     * The load generator of the closed loop and the receipts: wrk (a C program, {@link Wrk}), or the JVM's client the
     * other phases use ({@code benchmark.load=jvm}), to compare what the load generator takes from the machine.
     */
    private final boolean byWrk = !"jvm".equals(System.getProperty("benchmark.load", "wrk"));

    private final int rate = Integer.getInteger("benchmark.rate", 1_000);
    private final int seconds = Integer.getInteger("benchmark.seconds", 30);
    private final int lifecycles = Integer.getInteger("benchmark.lifecycles", 4_000);
    /**
     * Journeys under way at once. Enough to keep both cores busy, and no more: each journey reads its order's status
     * while it waits for release, so a journey that waits longer because more are queued reads more often, and the
     * reading took processor time from the journeys themselves. Alternating reduced runs: 150 in flight 47 and 49
     * lifecycles/s at 3.1 reads each, 400 in flight 38/s at 5.2 reads, between them, in an hour whose placement was
     * slower by about a fifth; the processor time per lifecycle about 6 % less beyond what the hour explains.
     */
    private final int lifecyclesInFlight = Integer.getInteger("benchmark.lifecycles-in-flight", 150);

    private final int receiptOrders = Integer.getInteger("benchmark.receipt-orders", 12_000);
    private final int warmupReceiptOrders = Integer.getInteger("benchmark.warmup-receipt-orders", 1_000);
    private final int maxWarmupReceiptOrders = Integer.getInteger("benchmark.warmup-receipt-orders-max", 16_000);
    private final int receiptsPerMessage = Integer.getInteger("benchmark.receipts-per-message", 100);
    /**
     * Receipts in flight in the second of the measurements one to a message. The single window pushes the receipts of
     * every enterprise's declarations at a peak; the more arrive while one write is under way, the more the next write
     * gathers: in the same runs of 7 December, 2,462 and 2,623/s at 64 in flight against 2,909 and 2,917/s at 128, the
     * platform's processor time per receipt 0.38 and 0.39 ms against 0.28 and 0.32 ms.
     */
    private final int receiptsInFlight = Integer.getInteger("benchmark.receipts-in-flight", 128);
    /**
     * Messages in flight in the second of the measurements many to a message. With one in flight, as in the first, the
     * rate is the inverse of a message's latency: the platform parses a message while PostgreSQL waits, then
     * PostgreSQL writes it while the platform waits. The single window pushes on several lanes at once (the simulator
     * models it with eight), so that at a peak one message is read while the one before is written.
     */
    private final int receiptMessagesInFlight = Integer.getInteger("benchmark.receipt-messages-in-flight", 4);

    private final int pgbenchSeconds = Integer.getInteger("benchmark.pgbench-seconds", 30);
    private final int warmupOrders = Integer.getInteger("benchmark.warmup-orders", 20_000);
    private final int warmupLifecycles = Integer.getInteger("benchmark.warmup-lifecycles", 1_000);
    private final int maxWarmupLifecycles = Integer.getInteger("benchmark.warmup-lifecycles-max", 8_000);
    private final boolean twoInstances = Boolean.parseBoolean(System.getProperty("benchmark.two-instances", "true"));
    private final boolean oneInstance = Boolean.parseBoolean(System.getProperty("benchmark.one-instance", "true"));
    private final boolean classData = Boolean.parseBoolean(System.getProperty("benchmark.class-data", "true"));
    private final List<String> jvm = List.of(
            System.getProperty("benchmark.jvm", PlatformProcess.PRODUCTION_JVM).split(" "));

    private static final int PLACEMENT_ROUND = 10_000;

    private static final int LIFECYCLE_ROUND = 1_000;
    /** Orders whose 120 receipts wrk pushes before their 800s, at least: more than the default runs have in flight. */
    private static final int RECEIPT_BLOCK = 1_000;
    /** Orders whose receipts make one round of the receipts phase's warm-up. */
    private static final int RECEIPT_WARMUP_ROUND = 1_000;
    /** The JIT compiler's share of the platform's processor time under which its warm-up counts as done. */
    private static final double COMPILER_SETTLED = 0.10;

    /**
     * The embedded simulator takes what it is sent: the platform's own rate limit (50 requests a second by default,
     * under what a single window grants one enterprise) would otherwise cap the lifecycles at a dozen a second.
     */
    static final String SIMULATOR_REQUESTS_PER_SECOND = "5000";

    private final Report report = new Report();
    private final AtomicLong buyers = new AtomicLong(1_000_000);

    @Test
    void measure() throws Exception {
        Path out = Path.of("..", "target", "app", "benchmark");
        Files.createDirectories(out);
        Path log = out.resolve("platform.log");
        Files.deleteIfExists(log);

        if (byWrk) {
            Wrk.installed();
        }
        double pgbench = PgbenchCeiling.measure(10, 16, Duration.ofSeconds(pgbenchSeconds));
        report.add("pgbench TPC-B (scale 10, 16 clients, %d s)".formatted(pgbenchSeconds), "%.0f tps", pgbench);

        Path data = Files.createTempDirectory("platform-benchmark");
        Path extractedInto = Files.createTempDirectory("platform-extracted");
        try {
            // run as docker/Dockerfile runs it: extracted, the first run recording the class-data archive
            ExtractedPlatform extracted = ExtractedPlatform.into(extractedInto);
            Path jar = extracted.jar();
            try (PlatformProcess first =
                    PlatformProcess.start(data, log, classData ? with(extracted.recording()) : jvm, jar, Map.of())) {
                report.add(
                        classData
                                ? "first start to healthy (initdb, migrations, demo data), recording the class-data archive"
                                : "first start to healthy (initdb, migrations, demo data)",
                        "%.1f s",
                        first.startup().toMillis() / 1000.0);
                first.stop();
            }
            List<String> archived = classData ? with(extracted.archived()) : jvm;
            if (classData) {
                report.add(
                        "class-data archive (docker/Dockerfile records it at build)",
                        "%d MB",
                        extracted.archiveSize() >> 20);
            }
            try (PlatformProcess packaged = PlatformProcess.start(data, log, jvm, Map.of())) {
                report.add(
                        "start to healthy, database initialised, packaged jar without archive (java -jar)",
                        "%.1f s",
                        packaged.startup().toMillis() / 1000.0);
            }
            Map<String, String> answering = Map.of(
                    "CUSTOMS_SIMULATOR_RECEIPT_DELAY",
                    "0ms",
                    "CUSTOMS_REQUESTS_PER_SECOND",
                    SIMULATOR_REQUESTS_PER_SECOND);
            try (PlatformProcess platform = PlatformProcess.start(data, log, archived, jar, answering);
                    MemoryWatch memory = new MemoryWatch(platform.pid())) {
                report.add(
                        classData
                                ? "start to healthy, database initialised, extracted with the class-data archive (docker/Dockerfile)"
                                : "start to healthy, database initialised, extracted, without the class-data archive",
                        "%.1f s",
                        platform.startup().toMillis() / 1000.0);
                long greedyUnits = SharedDatabaseRun.GREEDY_BUYERS * SharedDatabaseRun.GREEDY_ORDERS * 60L;
                stockUp(
                        platform,
                        orders
                                + rate * (long) seconds
                                + warmupOrders
                                + 2L * (lifecycles + Math.max(warmupLifecycles, maxWarmupLifecycles))
                                + receiptPhaseOrders()
                                + 20_000,
                        greedyUnits);
                report.add("resident memory after start (JVM, VmRSS)", "%d MB", memory.current() / 1024);
                if (oneInstance) {
                    warmUp(platform);
                    placement(platform, data, pgbench);
                    lifecycles(platform, data, lifecycles, lifecyclesInFlight, "full import lifecycles, one instance");
                }
                report.add("peak resident memory under load (JVM, VmRSS)", "**%d MB**", memory.peak() / 1024);
            }
            if (oneInstance) {
                // the simulator takes the declarations as fast as they come (the default rate limit would spread
                // them over minutes, and their retries over the measurement) and sends no receipt of its own
                Map<String, String> holding = Map.of(
                        "CUSTOMS_SIMULATOR_SCENARIO",
                        "DROPPED_RECEIPTS",
                        "CUSTOMS_REQUESTS_PER_SECOND",
                        SIMULATOR_REQUESTS_PER_SECOND);
                try (PlatformProcess platform = PlatformProcess.start(data, log, archived, jar, holding);
                        MemoryWatch memory = new MemoryWatch(platform.pid())) {
                    receipts(platform, data);
                    report.add("peak resident memory, receipts run (JVM, VmRSS)", "%d MB", memory.peak() / 1024);
                }
            }
            if (twoInstances) {
                new SharedDatabaseRun(data, log, archived, jar, report, buyers).run(lifecycles / 2, lifecyclesInFlight);
            }
        } finally {
            FileSystemUtils.deleteRecursively(data);
            FileSystemUtils.deleteRecursively(extractedInto);
        }

        String text = report.markdown();
        Files.writeString(out.resolve("report.md"), text);
        System.out.println(text);
        assertThat(report.failures())
                .as("every journey of the run went through")
                .isZero();
    }

    /** The run's JVM options and then {@code more}. */
    private List<String> with(List<String> more) {
        return Stream.concat(jvm.stream(), more.stream()).toList();
    }

    /**
     * Runs every path the measured phases take until the JIT compiler has compiled them: on two cores, its compiler
     * thread takes most of a core for the first minutes, and figures taken then measure the compiler, not the platform.
     * Lifecycles run at least {@code benchmark.warmup-lifecycles}, then on in rounds of 1,000 until the compiler took
     * under a tenth of the platform's processor time over the last round (at most {@code
     * benchmark.warmup-lifecycles-max}): their paths (XML written, signed, validated, read, the simulator) are many, and
     * 1,000 journeys left the first 3,000 measured ones paying for the compiler, 19 ms of 71 ms at first.
     */
    private void warmUp(PlatformProcess platform) throws Exception {
        CpuTime before = CpuTime.now(platform.pid());
        long started = System.nanoTime();
        try (LoadGenerator load = new LoadGenerator(platform.baseUrl(), concurrency)) {
            load.closedLoop("warm-up", warmupOrders, concurrency, i -> order(buyers.incrementAndGet()));
        }
        Journeys.Failures failures = new Journeys.Failures();
        AtomicLong finished = new AtomicLong();
        AtomicReference<CpuTime> roundStart = new AtomicReference<>(CpuTime.now(platform.pid()));
        AtomicReference<Double> compilerShare = new AtomicReference<>(1.0);
        try (Journeys journeys = new Journeys(platform.baseUrl(), 256, Journeys.CUSTOMS_TOKEN)) {
            Flux.range(0, Math.max(warmupLifecycles, maxWarmupLifecycles))
                    .takeWhile(i -> finished.get() < warmupLifecycles || compilerShare.get() >= COMPILER_SETTLED)
                    .flatMap(i -> failures.swallow(journeys.lifecycle(buyers.incrementAndGet())), lifecyclesInFlight)
                    .doOnNext(journey -> {
                        if (finished.incrementAndGet() % LIFECYCLE_ROUND == 0) {
                            CpuTime now = CpuTime.now(platform.pid());
                            CpuTime round = now.since(roundStart.getAndSet(now));
                            compilerShare.set(round.compilerShare());
                        }
                    })
                    .then()
                    .block(Duration.ofHours(1));
        }
        report.add(
                "warm-up, not measured: %d orders, %d lifecycles (the JIT compiler's share of the platform's processor"
                                .formatted(warmupOrders, finished.get())
                        + " time over the last 1,000: %.0f%%)".formatted(100 * compilerShare.get()),
                "%.0f s, %s",
                (System.nanoTime() - started) / 1e9,
                CpuTime.now(platform.pid()).since(before).per(warmupOrders + finished.get()));
    }

    /**
     * The closed loop by wrk ({@link Wrk}), in rounds of {@value #PLACEMENT_ROUND} orders so that a long run shows how
     * the cost grows with the orders already stored; then the open loop by the JVM's client, which holds the offered
     * rate. The phase's processor time is the sum of its rounds', without the writing of each round's requests.
     */
    private void placement(PlatformProcess platform, Path data, double pgbench) throws Exception {
        Path work = byWrk ? Files.createTempDirectory("platform-benchmark-wrk") : null;
        try (LoadGenerator load = new LoadGenerator(platform.baseUrl(), concurrency)) {
            Wrk wrk = byWrk ? Wrk.prepare(work) : null;
            Wrk.Requests orderRequests = new Wrk.Requests("/api/orders", "application/json", 201, null, true);
            long placed = 0;
            long failures = 0;
            double elapsed = 0;
            CpuTime spent = CpuTime.NONE;
            DatabaseActivity activity = DatabaseActivity.now(data);
            for (long sent = 0; sent < orders; sent += PLACEMENT_ROUND) {
                int toPlace = (int) Math.min(PLACEMENT_ROUND, orders - sent);
                Wrk.Bodies bodies = byWrk
                        ? wrk.bodies(Stream.generate(() -> orderBody(buyers.incrementAndGet()))
                                .limit(toPlace)
                                .toList())
                        : null;
                CpuTime roundStart = CpuTime.now(platform.pid());
                DatabaseActivity roundActivity = DatabaseActivity.now(data);
                Wrk.Run run = byWrk
                        ? wrk.send(
                                platform.baseUrl(), concurrency, bodies, orderRequests, "placement, closed loop (wrk)")
                        : new Wrk.Run(
                                load.closedLoop(
                                        "placement, closed loop (the JVM's client)",
                                        toPlace,
                                        concurrency,
                                        i -> order(buyers.incrementAndGet())),
                                0);
                CpuTime roundSpent =
                        CpuTime.now(platform.pid()).withLoad(run.wrkMillis()).since(roundStart);
                LoadResult round = run.result();
                System.out.println(round);
                long roundPlaced = round.requests() - round.failures();
                if (roundPlaced == 0) {
                    report.failed(Math.max(1, round.failures()));
                    report.add("order placement stopped", "a round placed no order: %s", round);
                    break;
                }
                failures += round.failures();
                elapsed += round.elapsed().toNanos() / 1e9;
                spent = spent.plus(roundSpent);
                report.add(
                        "order placement, orders %d to %d of the phase (%d placed before them), %d in flight, by %s"
                                .formatted(
                                        placed + 1,
                                        placed + roundPlaced,
                                        warmupOrders + placed,
                                        concurrency,
                                        byWrk ? "wrk" : "the JVM's client"),
                        "**%.0f orders/s** (%.0f%% of pgbench), p50 %.1f ms, p99 %.1f ms, %d failed; %s; %s",
                        round.throughput(),
                        100 * round.throughput() / pgbench,
                        round.latency().p50(),
                        round.latency().p99(),
                        round.failures(),
                        roundSpent.per(roundPlaced),
                        DatabaseActivity.now(data).since(roundActivity).per(roundPlaced));
                placed += roundPlaced;
            }
            report.add(
                    "order placement, all %d orders of the phase".formatted(placed),
                    "**%.0f orders/s**, %d failed; %s; %s",
                    placed / elapsed,
                    failures,
                    spent.per(placed),
                    DatabaseActivity.now(data).since(activity).per(placed));

            DatabaseActivity offeredActivity = DatabaseActivity.now(data);
            LoadResult offered = load.openLoop(
                    "placement, open loop", rate, Duration.ofSeconds(seconds), i -> order(buyers.incrementAndGet()));
            System.out.println(offered);
            report.add(
                    "order placement at %d orders/s offered for %d s".formatted(rate, seconds),
                    "p50 %.1f ms, **p99 %.1f ms**, max %.1f ms, %d failed; the worst of each %d s, by when due: %s; %s",
                    offered.latency().p50(),
                    offered.latency().p99(),
                    offered.latency().max(),
                    offered.failures(),
                    LoadGenerator.SLICE_SECONDS,
                    offered.worstBySliceText(),
                    DatabaseActivity.now(data).since(offeredActivity).per(offered.requests()));
            report.failed(failures + offered.failures());
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** Closed loop of whole journeys, the simulator answering at once. */
    private void lifecycles(PlatformProcess platform, Path data, int count, int inFlight, String figure)
            throws Exception {
        Journeys.Failures failures = new Journeys.Failures();
        try (Journeys journeys = new Journeys(platform.baseUrl(), 256, Journeys.CUSTOMS_TOKEN)) {
            CpuTime before = CpuTime.now(platform.pid());
            DatabaseActivity activity = DatabaseActivity.now(data);
            long started = System.nanoTime();
            List<Mark> marks = new CopyOnWriteArrayList<>(List.of(new Mark(0, started, before)));
            AtomicLong finished = new AtomicLong();
            long done = Flux.range(0, count)
                    .flatMap(i -> failures.swallow(journeys.lifecycle(buyers.incrementAndGet())), inFlight)
                    .doOnNext(journey -> {
                        long n = finished.incrementAndGet();
                        if (n % LIFECYCLE_ROUND == 0) {
                            marks.add(new Mark(n, System.nanoTime(), CpuTime.now(platform.pid())));
                        }
                    })
                    .count()
                    .block(Duration.ofHours(1));
            double elapsed = (System.nanoTime() - started) / 1e9;
            // journeys keep finishing at the full rate until the last 400 or so; the rounds show whether the rate
            // and the processor time per journey settle or still fall as the compiler finishes
            for (int m = 1; m < marks.size(); m++) {
                Mark from = marks.get(m - 1);
                Mark to = marks.get(m);
                report.add(
                        "%s, journeys %d to %d finished".formatted(figure, from.finished() + 1, to.finished()),
                        "%.0f lifecycles/s; %s",
                        (to.finished() - from.finished()) / ((to.nanos() - from.nanos()) / 1e9),
                        to.cpu().since(from.cpu()).per(to.finished() - from.finished()));
            }
            report.add(
                    "%s: %d journeys, %d in flight (place, pay, CEB311+CEB621 through outbox and simulator,"
                                    .formatted(figure, count, inFlight)
                            + " receipts 120/800, pick, handover, delivered)",
                    "**%.0f lifecycles/s**, %d failed, %.1f s",
                    done / elapsed,
                    failures.count(),
                    elapsed);
            report.add(
                    "processor time per lifecycle (%.1f status reads each while waiting for release)"
                            .formatted((double) journeys.statusReads() / Math.max(1, done)),
                    "%s; %s",
                    CpuTime.now(platform.pid()).since(before).per(done),
                    DatabaseActivity.now(data).since(activity).per(done));
            report.failed(failures.count());
        }
    }

    /**
     * Receipts posted by the load process as the single window would, for orders already declared; the simulator of
     * this run takes the declarations and sends no receipt ({@code DROPPED_RECEIPTS}, no poll queue), so that every
     * receipt applied here is one the load sent.
     */
    private void receipts(PlatformProcess platform, Path data) throws Exception {
        Journeys.Failures failures = new Journeys.Failures();
        int prepared = receiptPhaseOrders();
        Path work = byWrk ? Files.createTempDirectory("platform-benchmark-wrk") : null;
        try (Journeys journeys = new Journeys(platform.baseUrl(), 256, Journeys.CUSTOMS_TOKEN)) {
            Wrk wrk = byWrk ? Wrk.prepare(work) : null;
            long started = System.nanoTime();
            List<Journeys.Placed> declared = Flux.range(0, prepared)
                    .flatMap(
                            i -> {
                                long buyer = buyers.incrementAndGet();
                                return failures.swallow(journeys.place(buyer).flatMap(o -> journeys.pay(o, buyer)));
                            },
                            concurrency)
                    .collectList()
                    .block(Duration.ofHours(1));
            // the outbox is still sending the declarations of the orders just paid: let it finish first
            CpuTime.awaitQuiet(platform.pid(), Duration.ofMinutes(5));
            report.add(
                    "receipts phase: orders placed, paid and declared to the simulator, which sends no receipt",
                    "%d in %.0f s",
                    declared.size(),
                    (System.nanoTime() - started) / 1e9);
            Instant accepted = Instant.now().minusSeconds(60);
            Instant released = Instant.now();
            Pushes pushes = new Pushes(journeys, wrk, platform.baseUrl(), failures, concurrency, accepted, released);
            Pushes crowded =
                    new Pushes(journeys, wrk, platform.baseUrl(), failures, receiptsInFlight, accepted, released);
            Pushes oneAtATime = new Pushes(journeys, wrk, platform.baseUrl(), failures, 1, accepted, released);
            Pushes lanes = new Pushes(
                    journeys,
                    wrk,
                    platform.baseUrl(),
                    failures,
                    receiptsPerMessage * receiptMessagesInFlight,
                    accepted,
                    released);
            // the last orders are measured; those before them warm the paths up as long as the compiler needs
            int measured = Math.min(receiptOrders + 2 * QUIET_RECEIPT_ORDERS, declared.size());
            List<Journeys.Placed> warming = declared.subList(0, declared.size() - measured);
            List<Journeys.Placed> warmed = warming.subList(0, warmUpReceipts(platform, pushes, warming));
            List<Journeys.Placed> rest = declared.subList(warming.size(), declared.size());
            // receipts as the single window's come outside a peak, each pushed when the one before is answered: a
            // path of their own, warmed with as many as are measured
            int quiet = Math.min(QUIET_RECEIPT_ORDERS, rest.size() / 4);
            oneAtATime.post(rest.subList(0, quiet), 1);
            CpuTime.awaitQuiet(platform.pid(), Duration.ofSeconds(30));
            measureReceipts(platform, data, oneAtATime, rest.subList(quiet, 2 * quiet), 1);
            // then as they come at a peak: a quarter one receipt to a message with as many in flight as placement
            // has, a quarter so with more in flight, a quarter many to a message one message at a time, the last
            // quarter so with several messages in flight
            int quarter = (rest.size() - 2 * quiet) / 4;
            int first = 2 * quiet;
            measureReceipts(platform, data, pushes, rest.subList(first, first + quarter), 1);
            measureReceipts(platform, data, crowded, rest.subList(first + quarter, first + 2 * quarter), 1);
            measureReceipts(
                    platform, data, pushes, rest.subList(first + 2 * quarter, first + 3 * quarter), receiptsPerMessage);
            measureReceipts(platform, data, lanes, rest.subList(first + 3 * quarter, rest.size()), receiptsPerMessage);
            long wrong = Flux.concat(Flux.fromIterable(warmed), Flux.fromIterable(rest))
                    .flatMap(o -> journeys.status(o).filter(s -> !"RELEASED".equals(s)), concurrency)
                    .count()
                    .block(Duration.ofMinutes(30));
            report.add(
                    "orders of the receipts phase not RELEASED afterwards (of the %d whose receipts were pushed)"
                            .formatted(warmed.size() + rest.size()),
                    "%d",
                    wrong);
            report.failed(failures.count() + wrong + (prepared - declared.size()));
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** Orders the receipts phase places: those it may warm up with, those pushed one at a time, those measured. */
    private int receiptPhaseOrders() {
        return Math.max(warmupReceiptOrders, maxWarmupReceiptOrders) + 2 * QUIET_RECEIPT_ORDERS + receiptOrders;
    }

    /**
     * Pushes the receipts of {@code orders} in rounds of {@value #RECEIPT_WARMUP_ROUND} orders, half one to a message
     * and half many to a message, at least {@code benchmark.warmup-receipt-orders} of them and then until the JIT
     * compiler took under a tenth of the platform's processor time over a round; answers how many orders it used. The
     * phase starts a new platform process, whose compiler starts over: warmed with a fixed 1,000 orders, the compiler
     * still took 0.33 of the platform's 0.76 ms per receipt measured one to a message, 0.13 of 0.23 ms many to one. A
     * round takes about a second, less than the compiler needs for what it queued, so it is left to finish after each;
     * even so its share of a round stayed between 28 and 56 % over the first 11,000 orders and fell under a tenth at
     * 15,000 (7 December), after which the platform's time per receipt one to a message was 0.34 ms with 0.01 of it
     * the compiler's.
     */
    private int warmUpReceipts(PlatformProcess platform, Pushes pushes, List<Journeys.Placed> orders)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        CpuTime before = CpuTime.now(platform.pid());
        double compilerShare = 1.0;
        int used = 0;
        while (used + RECEIPT_WARMUP_ROUND <= orders.size()
                && (used < warmupReceiptOrders || compilerShare >= COMPILER_SETTLED)) {
            CpuTime roundStart = CpuTime.now(platform.pid());
            List<Journeys.Placed> round = orders.subList(used, used + RECEIPT_WARMUP_ROUND);
            pushes.post(round.subList(0, RECEIPT_WARMUP_ROUND / 2), 1);
            pushes.post(round.subList(RECEIPT_WARMUP_ROUND / 2, RECEIPT_WARMUP_ROUND), receiptsPerMessage);
            CpuTime spent = CpuTime.now(platform.pid()).since(roundStart);
            compilerShare = spent.compilerShare();
            used += RECEIPT_WARMUP_ROUND;
            System.out.printf(
                    "receipts warm-up: %d orders, the compiler's share of the last round %.0f %% (%s)%n",
                    used, 100 * compilerShare, spent.per(2L * RECEIPT_WARMUP_ROUND));
            // a round takes about a second, less than the compiler needs for what it queued: let it finish
            CpuTime.awaitQuiet(platform.pid(), Duration.ofSeconds(30));
        }
        report.add(
                ("receipts warm-up, not measured: %d orders × 120 then 800, half one to a message, half %d to a message"
                                + " (the JIT compiler's share of the platform's processor time over the last %,d: %.0f%%)")
                        .formatted(used, receiptsPerMessage, RECEIPT_WARMUP_ROUND, 100 * compilerShare),
                "%.0f s, %s",
                (System.nanoTime() - started) / 1e9,
                CpuTime.now(platform.pid()).since(before).per(2L * Math.max(1, used)));
        return used;
    }

    /**
     * Pushes the receipts of {@code orders}, 120 then 800, {@code perMessage} orders to a message, by wrk if it is the
     * load generator and otherwise by the JVM's client, and reports the rate and the processor time per receipt.
     */
    private void measureReceipts(
            PlatformProcess platform, Path data, Pushes pushes, List<Journeys.Placed> orders, int perMessage)
            throws IOException, InterruptedException {
        long receipts = 2L * orders.size();
        Wrk.Bodies messages = pushes.wrk() == null ? null : pushes.messages(orders, perMessage);
        long failedBefore = pushes.failures().count();
        DatabaseActivity activity = DatabaseActivity.now(data);
        CpuTime before = CpuTime.now(platform.pid());
        long started = System.nanoTime();
        double elapsed;
        double wrkMillis = 0;
        String latency = "";
        if (messages == null) {
            pushes.post(orders, perMessage);
            elapsed = (System.nanoTime() - started) / 1e9;
        } else {
            Wrk.Run run = pushes.send(messages, perMessage);
            pushes.failures().add(run.result().failures());
            elapsed = run.result().elapsed().toNanos() / 1e9;
            wrkMillis = run.wrkMillis();
            latency = ", a message answered in p50 %.1f ms, p99 %.1f ms"
                    .formatted(
                            run.result().latency().p50(), run.result().latency().p99());
        }
        CpuTime spent = CpuTime.now(platform.pid()).since(before).withLoad(wrkMillis);
        report.add(
                "CEB622 receipts posted to /customs/receipts, %d declared orders × 120 then 800, %s, by %s"
                        .formatted(
                                orders.size(),
                                perMessage == 1
                                        ? "one to a message, %d in flight".formatted(pushes.inFlight(perMessage))
                                        : "%d to a message, %d message%s in flight"
                                                .formatted(
                                                        perMessage,
                                                        pushes.inFlight(perMessage),
                                                        pushes.inFlight(perMessage) == 1 ? "" : "s"),
                                messages == null ? "the JVM's client" : "wrk"),
                "**%.0f receipts/s**%s, %d messages failed; %s; %s",
                receipts / elapsed,
                latency,
                pushes.failures().count() - failedBefore,
                spent.per(receipts),
                DatabaseActivity.now(data).since(activity).per(receipts));
    }

    /** Where a closed loop of journeys stood: how many had finished, when, and the processor time spent by then. */
    private record Mark(long finished, long nanos, CpuTime cpu) {}

    /**
     * The single window's pushes of the receipts phase: 120 (accepted) then 800 (released), at these times, about
     * {@code concurrency} receipts in flight.
     */
    private record Pushes(
            Journeys journeys,
            Wrk wrk,
            String baseUrl,
            Journeys.Failures failures,
            int concurrency,
            Instant accepted,
            Instant released) {

        int inFlight(int perMessage) {
            return Math.max(1, concurrency / perMessage);
        }

        /**
         * Pushes the receipts of {@code orders} by wrk if it is the load generator, else by the JVM's client; either
         * way every message is sent and each that fails is counted once.
         */
        void post(List<Journeys.Placed> orders, int perMessage) throws IOException, InterruptedException {
            if (wrk != null) {
                failures.add(
                        send(messages(orders, perMessage), perMessage).result().failures());
                return;
            }
            Flux.fromIterable(orders)
                    .map(Journeys.Placed::orderNo)
                    .buffer(perMessage)
                    .flatMap(
                            message -> failures.swallow(journeys.receipts(message, "120", accepted))
                                    .then(failures.swallow(journeys.receipts(message, "800", released)))
                                    .thenReturn(message),
                            inFlight(perMessage))
                    .then()
                    .block(Duration.ofHours(1));
        }

        /**
         * Writes wrk's file of the messages, in the order it sends them: per block of orders their 120s and then their
         * 800s, so that an order's 120 has been answered when its 800 is sent. A block is {@value #RECEIPT_BLOCK}
         * orders, or twice the receipts in flight when a knob sets more, so that its 120s are never all in flight.
         */
        Wrk.Bodies messages(List<Journeys.Placed> orders, int perMessage) throws IOException {
            int size = Math.max(RECEIPT_BLOCK, 2 * inFlight(perMessage) * perMessage);
            List<String> lines = new ArrayList<>();
            for (int block = 0; block < orders.size(); block += size) {
                List<String> orderNos = orders.subList(block, Math.min(orders.size(), block + size)).stream()
                        .map(Journeys.Placed::orderNo)
                        .toList();
                for (String status : List.of("120", "800")) {
                    for (int i = 0; i < orderNos.size(); i += perMessage) {
                        lines.add(Journeys.ceb622(
                                orderNos.subList(i, Math.min(orderNos.size(), i + perMessage)),
                                status,
                                "120".equals(status) ? accepted : released));
                    }
                }
            }
            return wrk.bodies(lines);
        }

        Wrk.Run send(Wrk.Bodies messages, int perMessage) throws IOException, InterruptedException {
            return wrk.send(
                    baseUrl,
                    inFlight(perMessage),
                    messages,
                    new Wrk.Requests(
                            "/customs/receipts", "application/xml", 202, "Bearer " + Journeys.CUSTOMS_TOKEN, false),
                    "receipts");
        }
    }

    private static LoadGenerator.Call order(long buyer) {
        return new LoadGenerator.Call("/api/orders", UUID.randomUUID().toString(), orderBody(buyer), 201);
    }

    /** One unit of one of the benchmark's SKUs, chosen by the buyer, for that buyer. */
    private static String orderBody(long buyer) {
        return Journeys.orderBody(buyer, Journeys.SKUS[(int) (buyer % Journeys.SKUS.length)], 1);
    }

    /**
     * Puts enough coded goods in bond for every order the run will place, in lots of at most 100,000 units (the
     * platform issues their codes); {@code extraBands} more of the plasters the greedy buyers order.
     */
    static void stockUp(PlatformProcess platform, long units, long extraBands)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String auth =
                "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
        long perSku = units / Journeys.SKUS.length + 1;
        int lot = 0;
        for (String sku : Journeys.SKUS) {
            long left = perSku + ("DEV-BAND-40".equals(sku) ? extraBands : 0);
            while (left > 0) {
                long quantity = Math.min(left, 100_000);
                left -= quantity;
                String body =
                        """
                        {"sku":"%s","batchNo":"BENCH%d-%d","expiry":"%s","quantity":%d}"""
                                .formatted(
                                        sku,
                                        System.nanoTime() % 1_000_000,
                                        lot++,
                                        LocalDate.now().plusYears(2),
                                        quantity);
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/console/lots"))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofMinutes(10))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            }
        }
    }

    /** Samples the resident set size of a process from /proc, keeping the peak. */
    static final class MemoryWatch implements AutoCloseable {

        private final Path status;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peakKb = new AtomicLong();

        MemoryWatch(long pid) {
            this.status = Path.of("/proc", Long.toString(pid), "status");
            sampler.scheduleAtFixedRate(
                    () -> peakKb.accumulateAndGet(current(), Math::max), 0, 200, TimeUnit.MILLISECONDS);
        }

        long current() {
            try {
                return Files.readAllLines(status).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .map(line -> line.replaceAll("[^0-9]", ""))
                        .mapToLong(Long::parseLong)
                        .findFirst()
                        .orElse(0);
            } catch (IOException processGone) {
                return 0;
            }
        }

        long peak() {
            return peakKb.get();
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }
}
