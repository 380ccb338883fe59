package dev.newsflow.bench;

/**
 * What one phase cost this JVM.
 *
 * @param cpuNanos      process CPU time spent during the phase
 * @param wallNanos     wall-clock time of the phase
 * @param peakHeapBytes sum of the heap pools' peak usage during the phase
 * @param gcMillis      time the garbage collectors report for the phase (pauses, for G1 on Java 17)
 */
public record Resources(long cpuNanos, long wallNanos, long peakHeapBytes, long gcMillis) {

    /** CPU time over wall time: how many cores the process kept busy on average. */
    public double cores() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    /** Share of the wall time spent collecting garbage, in percent: high when the heap is too small. */
    public double gcPercent() {
        return wallNanos == 0 ? 0 : gcMillis * 1e8 / wallNanos;
    }
}
