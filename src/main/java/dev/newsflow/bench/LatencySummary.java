package dev.newsflow.bench;

import java.util.Arrays;

/**
 * Percentiles of end-to-end latencies in milliseconds, by the nearest-rank method (so every figure is a latency
 * that was actually observed).
 */
public record LatencySummary(int count, long p50, long p95, long p99, long max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    /** Summarises {@code millis}; the array is left unchanged. */
    public static LatencySummary of(long[] millis) {
        if (millis.length == 0) {
            return EMPTY;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The smallest value that at least {@code percent} % of the sorted values do not exceed. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
