package dev.newsflow.bench;

/**
 * What one phase cost this JVM.
 *
 * @param cpuNanos      process CPU time spent during the phase
 * @param wallNanos     wall-clock time of the phase
 * @param peakHeapBytes sum of the heap pools' peak usage during the phase
 */
public record Resources(long cpuNanos, long wallNanos, long peakHeapBytes) {

    /** CPU time over wall time: how many cores the process kept busy on average. */
    public double cores() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }
}
