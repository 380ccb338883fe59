package dev.newsflow.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Process CPU time, peak heap and garbage-collection time of one phase. Both are of the whole JVM: with the embedded broker and registry
 * they include theirs, and always the benchmark's own producer and consumer.
 */
final class ResourceMeter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long cpuStart;
    private final long wallStart;
    private final long gcStart;

    private ResourceMeter() {
        cpuStart = OS.getProcessCpuTime();
        wallStart = System.nanoTime();
        gcStart = gcMillis();
    }

    /**
     * Collects the previous phase's garbage, then restarts every heap pool's peak, so a phase's peak is its own.
     * Call before starting the phase's application.
     */
    static void resetHeapPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Starts the CPU and wall clocks of a measurement window. */
    static ResourceMeter start() {
        return new ResourceMeter();
    }

    /** CPU and wall time since {@link #start()}, and the heap peak since {@link #resetHeapPeaks()}. */
    Resources stop() {
        long cpu = OS.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        // Each pool peaks at its own moment, so the sum is an upper bound of the heap in use at any one time.
        long peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Resources(cpu, wall, peak, gcMillis() - gcStart);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(millis -> millis > 0).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
    }
}
