package dev.newsflow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code newsflow bench} measures and where.
 *
 * @param articles            JSON-lines file of articles (.jsonl or .jsonl.gz)
 * @param count               articles preloaded and read by every throughput phase
 * @param warmup              articles pushed through each pipeline before it is measured; 0 for none
 * @param rate                articles per second offered in the latency phases
 * @param latencySeconds      how long each latency phase offers articles; 0 skips the latency phases
 * @param streamThreads       Kafka Streams threads of every application
 * @param partitions          partitions of every topic the benchmark creates
 * @param pipelines           which pipelines to measure, in this order
 * @param processingGuarantee Kafka Streams processing guarantee of every application
 * @param bootstrapServers    an existing cluster, or null to start an embedded broker
 * @param schemaRegistryUrl   an existing registry, or null to start an embedded one
 * @param clientConfig        pass-through Kafka client and registry settings
 * @param eventTimes          which publication times the preloaded articles carry
 */
public record BenchSettings(Path articles, int count, int warmup, int rate, int latencySeconds, int streamThreads,
                            int partitions, List<Pipeline> pipelines, String processingGuarantee,
                            String bootstrapServers, String schemaRegistryUrl, Map<String, String> clientConfig,
                            EventTimes eventTimes) {

    /** Which publication time each preloaded article carries; trends count by it. */
    public enum EventTimes {
        /** The time the benchmark loads it, as in a live feed: every article is inside its trend windows. */
        LIVE,
        /**
         * The file's own: years of news out of order, so most trend hits fall outside their window's grace and are
         * dropped before they are counted, which makes the trend stage cheaper than on a live feed.
         */
        ARCHIVE
    }

    public BenchSettings {
        Objects.requireNonNull(articles, "articles");
        require(count >= 1, "--count must be at least 1");
        require(warmup >= 0, "--warmup must not be negative");
        require(rate >= 1, "--rate must be at least 1 article per second");
        require(latencySeconds >= 0, "--latency-seconds must not be negative");
        require(streamThreads >= 1, "--stream-threads must be at least 1");
        require(partitions >= 1, "--partitions must be at least 1");
        pipelines = List.copyOf(pipelines.stream().distinct().toList());
        require(!pipelines.isEmpty(), "--phases must name at least one of passthrough, hot, full");
        Objects.requireNonNull(processingGuarantee, "processingGuarantee");
        clientConfig = Map.copyOf(clientConfig);
        Objects.requireNonNull(eventTimes, "eventTimes");
    }

    /** Articles offered by each latency phase. */
    public long latencyArticles() {
        return (long) rate * latencySeconds;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
