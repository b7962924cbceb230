package cn.cbecpilot.platform.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What one load phase measured.
 *
 * @param requests requests sent
 * @param failures answers other than the expected status, and transport errors
 * @param elapsed from the first request sent to the last answer
 * @param latency response times, measured from when each request was due (so a stalled server is not hidden by
 *     requests that were never sent)
 * @param worstBySlice of an open loop, the longest response time in milliseconds of the calls due in each {@link
 *     LoadGenerator#SLICE_SECONDS} seconds of it, in order; empty for a closed loop
 */
record LoadResult(
        String phase, long requests, long failures, Duration elapsed, Latency latency, List<Double> worstBySlice) {

    /** The worst of each slice of an open loop, as text: {@code 12, 840, 35 ms}. */
    String worstBySliceText() {
        return worstBySlice.stream().map(ms -> "%.0f".formatted(ms)).collect(Collectors.joining(", ")) + " ms";
    }

    double throughput() {
        return (requests - failures) / (elapsed.toNanos() / 1e9);
    }

    /** Response times in milliseconds: the median, the 99th percentile and the longest. */
    record Latency(double p50, double p99, double max) {

        /** From a histogram of microseconds. */
        static Latency of(Histogram micros) {
            return new Latency(
                    micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0,
                    micros.getMaxValue() / 1000.0);
        }
    }

    @Override
    public String toString() {
        return "%s: %d requests, %d failed, %.1f s, %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                .formatted(
                        phase,
                        requests,
                        failures,
                        elapsed.toMillis() / 1000.0,
                        throughput(),
                        latency.p50(),
                        latency.p99(),
                        latency.max());
    }
}
