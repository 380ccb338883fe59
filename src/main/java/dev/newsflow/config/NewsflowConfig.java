package dev.newsflow.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of a newsflow application in one immutable value: the single source of truth that the CLI
 * fills from flags and {@code NEWSFLOW_*} variables and that the topology, topic provisioning and the Kafka
 * clients read. {@link #defaults()} works against a local broker and registry.
 *
 * @param applicationId      Kafka Streams application id (consumer group, state and internal topic prefix)
 * @param bootstrapServers   Kafka bootstrap servers
 * @param schemaRegistryUrl  Confluent-API schema registry base URL(s), comma-separated
 * @param inputTopics        raw article topics
 * @param outputTopic        enriched article topic
 * @param errorTopic         dead-letter topic
 * @param partitions         partitions for topics newsflow creates
 * @param replicationFactor  replication for topics newsflow creates; -1 takes the broker's default
 * @param processingGuarantee Kafka Streams processing guarantee
 * @param keyFormat          how output record keys (article ids) are encoded
 * @param maxRecordBytes     largest raw record value accepted, checked before parsing
 * @param maxBodyChars       largest article body accepted, in characters
 * @param stateDir           Kafka Streams state directory, or null for its default
 * @param httpHost           address the health and metrics endpoint binds to
 * @param httpPort           port of the health and metrics endpoint; -1 disables it, 0 picks a free one
 * @param clientConfig       extra Kafka client and registry settings (SASL, TLS, basic auth, tuning), passed through
 * @param rulesTopic         compacted topic of taxonomy updates (key "taxonomy", value YAML), applied without restart
 * @param kbTopic            compacted topic of knowledge-base updates (key entity id, value JSON entry)
 * @param topicStreamPattern name of each topic's own output stream; {@code {topic}} stands for the topic id
 * @param storyWindow        how far apart in event time two articles may be and still be recognised as one story
 * @param trendsTopic        topic of trend spikes (TrendSpike)
 * @param trendWindow        size of the tumbling event-time windows trends are counted in
 * @param trendGrace         how late (in event time) an article may arrive and still be counted in its window
 * @param trendBaselineWindows how many earlier windows the spike baseline covers
 * @param trendMinCount      fewest articles in a window for a spike
 * @param trendSpikeThreshold how many spreads above the baseline mean a window's count must be to be a spike
 * @param advertisedHttp     host:port other instances reach this one's HTTP endpoint on (Kafka Streams'
 *                           application.server); null: httpHost:httpPort when the port is fixed, else none
 * @param subscriptionsTopic compacted topic of watchlist subscriptions (key subscription id, value JSON)
 * @param alertsTopic        watchlist alerts (key subscription id, value Alert)
 */
public record NewsflowConfig(
        String applicationId,
        String bootstrapServers,
        String schemaRegistryUrl,
        List<String> inputTopics,
        String outputTopic,
        String errorTopic,
        int partitions,
        short replicationFactor,
        String processingGuarantee,
        KeyFormat keyFormat,
        int maxRecordBytes,
        int maxBodyChars,
        Path stateDir,
        String httpHost,
        int httpPort,
        Map<String, String> clientConfig,
        String rulesTopic,
        String kbTopic,
        String topicStreamPattern,
        Duration storyWindow,
        String trendsTopic,
        Duration trendWindow,
        Duration trendGrace,
        int trendBaselineWindows,
        int trendMinCount,
        double trendSpikeThreshold,
        String advertisedHttp,
        String subscriptionsTopic,
        String alertsTopic) {

    public static final String DEFAULT_APPLICATION_ID = "newsflow";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";
    public static final String DEFAULT_INPUT_TOPIC = "news.articles.raw";
    public static final String DEFAULT_OUTPUT_TOPIC = "news.articles.enriched";
    public static final String DEFAULT_ERROR_TOPIC = "news.articles.dlq";
    public static final int DEFAULT_PARTITIONS = 3;
    public static final short DEFAULT_REPLICATION_FACTOR = -1;
    public static final String DEFAULT_PROCESSING_GUARANTEE = "exactly_once_v2";
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_048_576;
    public static final int DEFAULT_MAX_BODY_CHARS = 500_000;
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String DEFAULT_RULES_TOPIC = "news.rules";
    public static final String DEFAULT_KB_TOPIC = "news.kb";
    public static final String DEFAULT_TOPIC_STREAM_PATTERN = "news.topic.{topic}";
    /** Placeholder for the topic id in {@link #topicStreamPattern()}. */
    public static final String TOPIC_PLACEHOLDER = "{topic}";
    public static final String DEFAULT_STORY_WINDOW = "PT72H";
    public static final String DEFAULT_TRENDS_TOPIC = "news.trends";
    public static final String DEFAULT_TREND_WINDOW = "PT1H";
    public static final String DEFAULT_TREND_GRACE = "PT6H";
    public static final int DEFAULT_TREND_BASELINE_WINDOWS = 24;
    public static final int DEFAULT_TREND_MIN_COUNT = 5;
    public static final double DEFAULT_TREND_SPIKE_THRESHOLD = 3.0;
    public static final String DEFAULT_SUBSCRIPTIONS_TOPIC = "news.subscriptions";
    public static final String DEFAULT_ALERTS_TOPIC = "news.alerts";

    /** Encodings of record keys: plain UTF-8, or an Avro string in the Confluent wire format. */
    public enum KeyFormat { STRING, AVRO }

    public NewsflowConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        inputTopics = List.copyOf(inputTopics);
        if (inputTopics.isEmpty()) {
            throw new IllegalArgumentException("at least one input topic is required");
        }
        Objects.requireNonNull(outputTopic, "outputTopic");
        Objects.requireNonNull(errorTopic, "errorTopic");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new IllegalArgumentException("replication factor must be -1 (broker default) or at least 1");
        }
        if (maxRecordBytes < 1024 || maxBodyChars < 1) {
            throw new IllegalArgumentException("size limits are too small");
        }
        Objects.requireNonNull(keyFormat, "keyFormat");
        Objects.requireNonNull(httpHost, "httpHost");
        clientConfig = Map.copyOf(clientConfig);
        Objects.requireNonNull(rulesTopic, "rulesTopic");
        Objects.requireNonNull(kbTopic, "kbTopic");
        if (topicStreamPattern == null || !topicStreamPattern.contains(TOPIC_PLACEHOLDER)) {
            throw new IllegalArgumentException("the per-topic stream pattern must contain " + TOPIC_PLACEHOLDER
                    + ", got " + topicStreamPattern);
        }
        Objects.requireNonNull(storyWindow, "storyWindow");
        if (storyWindow.isNegative() || storyWindow.isZero()) {
            throw new IllegalArgumentException("story window must be positive, got " + storyWindow);
        }
        Objects.requireNonNull(trendsTopic, "trendsTopic");
        if (trendWindow == null || trendWindow.toMillis() < 1000) {
            throw new IllegalArgumentException("trend window must be at least one second, got " + trendWindow);
        }
        if (trendGrace == null || trendGrace.isNegative()) {
            throw new IllegalArgumentException("trend grace must not be negative, got " + trendGrace);
        }
        if (trendBaselineWindows < 1 || trendMinCount < 1 || !(trendSpikeThreshold > 0)) {
            throw new IllegalArgumentException("trend baseline windows, minimum count and spike threshold must be "
                    + "positive, got " + trendBaselineWindows + ", " + trendMinCount + ", " + trendSpikeThreshold);
        }
        if (advertisedHttp != null && !advertisedHttp.matches("[^:/\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException("advertised HTTP address must be host:port, got " + advertisedHttp);
        }
        Objects.requireNonNull(subscriptionsTopic, "subscriptionsTopic");
        Objects.requireNonNull(alertsTopic, "alertsTopic");
    }

    /** Every setting, with secret client settings and credentials in the registry URL hidden: safe to log. */
    @Override
    public String toString() {
        return "NewsflowConfig[applicationId=" + applicationId + ", bootstrapServers=" + bootstrapServers
                + ", schemaRegistryUrl=" + Secrets.redact(schemaRegistryUrl) + ", inputTopics=" + inputTopics
                + ", outputTopic=" + outputTopic + ", errorTopic=" + errorTopic + ", partitions=" + partitions
                + ", replicationFactor=" + replicationFactor + ", processingGuarantee=" + processingGuarantee
                + ", keyFormat=" + keyFormat + ", maxRecordBytes=" + maxRecordBytes + ", maxBodyChars=" + maxBodyChars
                + ", stateDir=" + stateDir + ", httpHost=" + httpHost + ", httpPort=" + httpPort
                + ", clientConfig=" + Secrets.redacted(clientConfig) + ", rulesTopic=" + rulesTopic + ", kbTopic=" + kbTopic
                + ", topicStreamPattern=" + topicStreamPattern + ", storyWindow=" + storyWindow
                + ", trendsTopic=" + trendsTopic + ", trendWindow=" + trendWindow + ", trendGrace=" + trendGrace
                + ", trendBaselineWindows=" + trendBaselineWindows + ", trendMinCount=" + trendMinCount
                + ", trendSpikeThreshold=" + trendSpikeThreshold + ", advertisedHttp=" + advertisedHttp
                + ", subscriptionsTopic=" + subscriptionsTopic + ", alertsTopic=" + alertsTopic + "]";
    }

    /** Settings that work against a broker on localhost:9092 and a registry on localhost:8081. */
    public static NewsflowConfig defaults() {
        return new NewsflowConfig(DEFAULT_APPLICATION_ID, DEFAULT_BOOTSTRAP_SERVERS, DEFAULT_SCHEMA_REGISTRY_URL,
                List.of(DEFAULT_INPUT_TOPIC), DEFAULT_OUTPUT_TOPIC, DEFAULT_ERROR_TOPIC, DEFAULT_PARTITIONS,
                DEFAULT_REPLICATION_FACTOR, DEFAULT_PROCESSING_GUARANTEE, KeyFormat.STRING, DEFAULT_MAX_RECORD_BYTES,
                DEFAULT_MAX_BODY_CHARS, null, DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT, Map.of(), DEFAULT_RULES_TOPIC,
                DEFAULT_KB_TOPIC, DEFAULT_TOPIC_STREAM_PATTERN, Duration.parse(DEFAULT_STORY_WINDOW), DEFAULT_TRENDS_TOPIC,
                Duration.parse(DEFAULT_TREND_WINDOW), Duration.parse(DEFAULT_TREND_GRACE), DEFAULT_TREND_BASELINE_WINDOWS,
                DEFAULT_TREND_MIN_COUNT, DEFAULT_TREND_SPIKE_THRESHOLD, null, DEFAULT_SUBSCRIPTIONS_TOPIC,
                DEFAULT_ALERTS_TOPIC);
    }

    /**
     * Where other instances reach this one's HTTP endpoint (Kafka Streams' {@code application.server}), so an
     * interactive query can be forwarded to the instance that owns its key; null when it cannot be known (port 0).
     */
    public String applicationServer() {
        if (advertisedHttp != null) {
            return advertisedHttp;
        }
        return httpPort > 0 ? httpHost + ":" + httpPort : null;
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of an existing config; every field keeps its value unless set. */
    public static final class Builder {
        private String applicationId;
        private String bootstrapServers;
        private String schemaRegistryUrl;
        private List<String> inputTopics;
        private String outputTopic;
        private String errorTopic;
        private int partitions;
        private short replicationFactor;
        private String processingGuarantee;
        private KeyFormat keyFormat;
        private int maxRecordBytes;
        private int maxBodyChars;
        private Path stateDir;
        private String httpHost;
        private int httpPort;
        private Map<String, String> clientConfig;
        private String rulesTopic;
        private String kbTopic;
        private String topicStreamPattern;
        private Duration storyWindow;
        private String trendsTopic;
        private Duration trendWindow;
        private Duration trendGrace;
        private int trendBaselineWindows;
        private int trendMinCount;
        private double trendSpikeThreshold;
        private String advertisedHttp;
        private String subscriptionsTopic;
        private String alertsTopic;

        private Builder(NewsflowConfig c) {
            applicationId = c.applicationId;
            bootstrapServers = c.bootstrapServers;
            schemaRegistryUrl = c.schemaRegistryUrl;
            inputTopics = c.inputTopics;
            outputTopic = c.outputTopic;
            errorTopic = c.errorTopic;
            partitions = c.partitions;
            replicationFactor = c.replicationFactor;
            processingGuarantee = c.processingGuarantee;
            keyFormat = c.keyFormat;
            maxRecordBytes = c.maxRecordBytes;
            maxBodyChars = c.maxBodyChars;
            stateDir = c.stateDir;
            httpHost = c.httpHost;
            httpPort = c.httpPort;
            clientConfig = c.clientConfig;
            rulesTopic = c.rulesTopic;
            kbTopic = c.kbTopic;
            topicStreamPattern = c.topicStreamPattern;
            storyWindow = c.storyWindow;
            trendsTopic = c.trendsTopic;
            trendWindow = c.trendWindow;
            trendGrace = c.trendGrace;
            trendBaselineWindows = c.trendBaselineWindows;
            trendMinCount = c.trendMinCount;
            trendSpikeThreshold = c.trendSpikeThreshold;
            advertisedHttp = c.advertisedHttp;
            subscriptionsTopic = c.subscriptionsTopic;
            alertsTopic = c.alertsTopic;
        }

        public Builder applicationId(String value) { applicationId = value; return this; }
        public Builder bootstrapServers(String value) { bootstrapServers = value; return this; }
        public Builder schemaRegistryUrl(String value) { schemaRegistryUrl = value; return this; }
        public Builder inputTopics(List<String> value) { inputTopics = value; return this; }
        public Builder outputTopic(String value) { outputTopic = value; return this; }
        public Builder errorTopic(String value) { errorTopic = value; return this; }
        public Builder partitions(int value) { partitions = value; return this; }
        public Builder replicationFactor(short value) { replicationFactor = value; return this; }
        public Builder processingGuarantee(String value) { processingGuarantee = value; return this; }
        public Builder keyFormat(KeyFormat value) { keyFormat = value; return this; }
        public Builder maxRecordBytes(int value) { maxRecordBytes = value; return this; }
        public Builder maxBodyChars(int value) { maxBodyChars = value; return this; }
        public Builder stateDir(Path value) { stateDir = value; return this; }
        public Builder httpHost(String value) { httpHost = value; return this; }
        public Builder httpPort(int value) { httpPort = value; return this; }
        public Builder rulesTopic(String value) { rulesTopic = value; return this; }
        public Builder kbTopic(String value) { kbTopic = value; return this; }
        public Builder topicStreamPattern(String value) { topicStreamPattern = value; return this; }
        public Builder storyWindow(Duration value) { storyWindow = value; return this; }
        public Builder trendsTopic(String value) { trendsTopic = value; return this; }
        public Builder trendWindow(Duration value) { trendWindow = value; return this; }
        public Builder trendGrace(Duration value) { trendGrace = value; return this; }
        public Builder trendBaselineWindows(int value) { trendBaselineWindows = value; return this; }
        public Builder trendMinCount(int value) { trendMinCount = value; return this; }
        public Builder trendSpikeThreshold(double value) { trendSpikeThreshold = value; return this; }
        public Builder advertisedHttp(String value) { advertisedHttp = value; return this; }
        public Builder subscriptionsTopic(String value) { subscriptionsTopic = value; return this; }
        public Builder alertsTopic(String value) { alertsTopic = value; return this; }

        /** Adds pass-through client settings; later ones win. */
        public Builder clientConfig(Map<String, String> extra) {
            Map<String, String> merged = new LinkedHashMap<>(clientConfig);
            merged.putAll(extra);
            clientConfig = merged;
            return this;
        }

        public NewsflowConfig build() {
            return new NewsflowConfig(applicationId, bootstrapServers, schemaRegistryUrl, inputTopics, outputTopic,
                    errorTopic, partitions, replicationFactor, processingGuarantee, keyFormat, maxRecordBytes,
                    maxBodyChars, stateDir, httpHost, httpPort, clientConfig, rulesTopic, kbTopic, topicStreamPattern,
                    storyWindow, trendsTopic, trendWindow, trendGrace, trendBaselineWindows, trendMinCount,
                    trendSpikeThreshold, advertisedHttp, subscriptionsTopic, alertsTopic);
        }
    }
}
