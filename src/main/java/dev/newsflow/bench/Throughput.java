package dev.newsflow.bench;

/**
 * A throughput phase: a fresh application reads the preloaded topic from its beginning.
 *
 * @param inputBytes serialized keys and values of the inputs
 * @param resources  the window from the application's first input records to the last output being read
 * @param threadTime how the stream threads spent it, or null when Kafka Streams did not report it
 */
public record Throughput(Counts counts, long inputBytes, Resources resources, ThreadTime threadTime) {

    public Throughput(Counts counts, long inputBytes, Resources resources) {
        this(counts, inputBytes, resources, null);
    }

    public double seconds() {
        return resources.wallNanos() / 1e9;
    }

    public double articlesPerSecond() {
        return counts.inputs() / seconds();
    }

    /** Input megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
        return inputBytes / 1e6 / seconds();
    }

    /** Process CPU milliseconds per input article. */
    public double cpuMillisPerArticle() {
        return resources.cpuNanos() / 1e6 / counts.inputs();
    }
}
