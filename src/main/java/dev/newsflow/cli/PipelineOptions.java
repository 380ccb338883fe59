package dev.newsflow.cli;

import dev.newsflow.config.NewsflowConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Topic names, topic creation and limits of the newsflow application. */
final class PipelineOptions {

    @Option(names = "--application-id", defaultValue = NewsflowConfig.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id; instances sharing it share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--input-topics", split = ",", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_INPUT_TOPIC,
            description = "Raw article topics (default: ${DEFAULT-VALUE}).")
    List<String> inputTopics;

    @Option(names = "--output-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_OUTPUT_TOPIC,
            description = "Enriched article topic (default: ${DEFAULT-VALUE}).")
    String outputTopic;

    @Option(names = "--error-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_ERROR_TOPIC,
            description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
    String errorTopic;

    @Option(names = "--partitions", defaultValue = "" + NewsflowConfig.DEFAULT_PARTITIONS,
            description = "Partitions of topics newsflow creates when missing (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "" + NewsflowConfig.DEFAULT_REPLICATION_FACTOR,
            description = "Replication of topics newsflow creates; -1 takes the broker default (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--processing-guarantee", defaultValue = NewsflowConfig.DEFAULT_PROCESSING_GUARANTEE,
            description = "exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE}).")
    String processingGuarantee;

    @Option(names = "--max-record-bytes", defaultValue = "" + NewsflowConfig.DEFAULT_MAX_RECORD_BYTES,
            description = "Largest raw record accepted, checked before parsing; larger ones are dead-lettered (default: ${DEFAULT-VALUE}).")
    int maxRecordBytes;

    @Option(names = "--max-body-chars", defaultValue = "" + NewsflowConfig.DEFAULT_MAX_BODY_CHARS,
            description = "Longest article body accepted, in characters (default: ${DEFAULT-VALUE}).")
    int maxBodyChars;

    @Option(names = "--key-format", defaultValue = "STRING",
            description = "Output key encoding: string (plain UTF-8) or avro (Avro string in the Confluent wire format, "
                    + "as Python's AvroConsumer expects) (default: ${DEFAULT-VALUE}).")
    NewsflowConfig.KeyFormat keyFormat;

    @Option(names = "--http-host", defaultValue = NewsflowConfig.DEFAULT_HTTP_HOST,
            description = "Address of /health, /metrics and the web console /console/ (default: ${DEFAULT-VALUE}, "
                    + "this machine only).")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "" + NewsflowConfig.DEFAULT_HTTP_PORT,
            description = "Port of /health, /metrics and the web console /console/; -1 disables them "
                    + "(default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--rules-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_RULES_TOPIC,
            description = "Compacted topic of taxonomy updates, applied without a restart (default: ${DEFAULT-VALUE}; "
                    + "publish with 'newsflow rules publish').")
    String rulesTopic;

    @Option(names = "--kb-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_KB_TOPIC,
            description = "Compacted topic of knowledge-base entries, applied without a restart (default: ${DEFAULT-VALUE}; "
                    + "publish with 'newsflow kb publish').")
    String kbTopic;

    @Option(names = "--topic-stream-pattern", paramLabel = "PATTERN",
            defaultValue = NewsflowConfig.DEFAULT_TOPIC_STREAM_PATTERN,
            description = "Name of each taxonomy topic's own output stream; {topic} stands for the topic id "
                    + "(default: ${DEFAULT-VALUE}).")
    String topicStreamPattern;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Kafka Streams state directory (default: Kafka Streams' own).")
    Path stateDir;

    @Option(names = "--story-window", paramLabel = "DURATION", defaultValue = NewsflowConfig.DEFAULT_STORY_WINDOW,
            description = "Largest gap in event time between two articles recognised as one story or as duplicates, "
                    + "ISO-8601 (default: ${DEFAULT-VALUE}). Also how long the story index keeps fingerprints.")
    Duration storyWindow;

    @Option(names = "--trends-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_TRENDS_TOPIC,
            description = "Topic of trend spikes, TrendSpike records keyed topic:<id> or entity:<id> (default: ${DEFAULT-VALUE}).")
    String trendsTopic;

    @Option(names = "--trend-window", paramLabel = "DURATION", defaultValue = NewsflowConfig.DEFAULT_TREND_WINDOW,
            description = "Size of the event-time windows topics and entities are counted in, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration trendWindow;

    @Option(names = "--trend-grace", paramLabel = "DURATION", defaultValue = NewsflowConfig.DEFAULT_TREND_GRACE,
            description = "How late in event time an article may arrive and still be counted in its window, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration trendGrace;

    @Option(names = "--trend-baseline-windows", paramLabel = "N", defaultValue = "" + NewsflowConfig.DEFAULT_TREND_BASELINE_WINDOWS,
            description = "Earlier windows the spike baseline covers (default: ${DEFAULT-VALUE}).")
    int trendBaselineWindows;

    @Option(names = "--trend-min-count", paramLabel = "N", defaultValue = "" + NewsflowConfig.DEFAULT_TREND_MIN_COUNT,
            description = "Fewest articles in a window for a spike (default: ${DEFAULT-VALUE}).")
    int trendMinCount;

    @Option(names = "--trend-spike-threshold", paramLabel = "SCORE", defaultValue = "" + NewsflowConfig.DEFAULT_TREND_SPIKE_THRESHOLD,
            description = "Spreads above the baseline mean a window's count must reach to be a spike (default: ${DEFAULT-VALUE}).")
    double trendSpikeThreshold;

    @Option(names = "--advertised-http", paramLabel = "HOST:PORT",
            description = "Address other instances reach this one's HTTP port on, for interactive queries across "
                    + "instances (default: --http-host:--http-port when the port is fixed).")
    String advertisedHttp;

    @Option(names = "--subscriptions-topic", paramLabel = "TOPIC",
            defaultValue = NewsflowConfig.DEFAULT_SUBSCRIPTIONS_TOPIC,
            description = "Compacted topic of watchlist subscriptions, applied without a restart (default: ${DEFAULT-VALUE}; "
                    + "publish with 'newsflow subscriptions publish').")
    String subscriptionsTopic;

    @Option(names = "--alerts-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_ALERTS_TOPIC,
            description = "Watchlist alerts, keyed by subscription id (default: ${DEFAULT-VALUE}).")
    String alertsTopic;

    NewsflowConfig toConfig(ConnectionOptions connection) {
        return toConfig(connection.bootstrapServers, connection.schemaRegistryUrl, connection.clientConfig());
    }

    NewsflowConfig toConfig(String bootstrapServers, String schemaRegistryUrl, Map<String, String> clientConfig) {
        return new NewsflowConfig(applicationId, bootstrapServers, schemaRegistryUrl, inputTopics, outputTopic,
                errorTopic, partitions, replicationFactor, processingGuarantee, keyFormat, maxRecordBytes, maxBodyChars,
                stateDir, httpHost, httpPort, clientConfig, rulesTopic, kbTopic, topicStreamPattern, storyWindow,
                trendsTopic, trendWindow, trendGrace, trendBaselineWindows, trendMinCount, trendSpikeThreshold,
                advertisedHttp, subscriptionsTopic, alertsTopic);
    }
}
