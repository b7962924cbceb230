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
 * @param latency response times in microseconds, measured from when each request was due (so a stalled server is
 *     not hidden by requests that were never sent)
 * @param worstBySlice of an open loop, the longest response time in milliseconds of the calls due in each {@link
 *     LoadGenerator#SLICE_SECONDS} seconds of it, in order; empty for a closed loop
 */
record LoadResult(
        String phase, long requests, long failures, Duration elapsed, Histogram latency, List<Double> worstBySlice) {

    /** The worst of each slice of an open loop, as text: {@code 12, 840, 35 ms}. */
    String worstBySliceText() {
        return worstBySlice.stream().map(ms -> "%.0f".formatted(ms)).collect(Collectors.joining(", ")) + " ms";
    }

    double throughput() {
        return (requests - failures) / (elapsed.toNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
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
                        percentileMillis(50),
                        percentileMillis(99),
                        latency.getMaxValue() / 1000.0);
    }
}
