package dev.newsflow.topology;

import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.kafka.TopicSpec;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.AvroStringSerde;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.schema.Alert;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.TrendSpike;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one place that names every newsflow topic together with the serdes of its keys and values.
 *
 * <p>Keys are article ids, plain UTF-8 or Avro strings ({@link NewsflowConfig.KeyFormat}); raw keys are
 * read as bytes and ignored, since the id travels in the value.
 *
 * @param input       raw article topics (values: RawArticle)
 * @param enriched    enriched article topic (keys: article id; values: EnrichedArticle)
 * @param deadLetters dead-letter topic (keys: article id when known, else null; values: DeadLetter)
 * @param control     topics of rule and knowledge-base updates (UTF-8 text keys and values)
 * @param topicStreamPattern name of each taxonomy topic's stream (values: EnrichedArticle), see
 *                    {@link #topicStream(String)}
 * @param trends      the trend stage's output topic, stores and serdes
 * @param alerts      watchlist subscriptions and the alerts they raise, see {@link AlertTopics}
 */
public record Topics(List<String> input, String enriched, String deadLetters,
                     Serde<String> keySerde, Serde<RawArticle> rawSerde, Serde<EnrichedArticle> enrichedSerde,
                     Serde<DeadLetter> deadLetterSerde, ControlTopics control, String topicStreamPattern,
                     TrendTopics trends, AlertTopics alerts) {

    /**
     * Where users publish updates and where newsflow keeps the ones it accepted. Accepted topics are per
     * application id: each application validates for itself, and every instance of it reads them as global stores.
     *
     * @param rules         users' taxonomy updates (key "taxonomy", value YAML; a tombstone restores the shipped one)
     * @param rulesAccepted the updates that passed validation, read by every instance
     * @param kb            users' knowledge-base updates (key entity id, value JSON entry; a tombstone withdraws it)
     * @param kbAccepted    the entries that passed validation, read by every instance
     */
    public record ControlTopics(String rules, String rulesAccepted, String kb, String kbAccepted) {

        static ControlTopics of(NewsflowConfig config) {
            return new ControlTopics(config.rulesTopic(), config.applicationId() + "-rules-accepted",
                    config.kbTopic(), config.applicationId() + "-kb-accepted");
        }

        /** Serde of control keys and values: plain UTF-8, so any tool (kcat, console producer) can publish. */
        public static Serde<String> serde() {
            return Serdes.String();
        }
    }

    /** Name of the output stream of taxonomy topic {@code topicId}. */
    public String topicStream(String topicId) {
        return topicStreamPattern.replace(NewsflowConfig.TOPIC_PLACEHOLDER, topicId);
    }

    /** Topics and serdes for {@code config}, sharing one registry client (and so one schema cache). */
    public static Topics create(NewsflowConfig config, SchemaRegistryClient registry) {
        Map<String, Object> serdeConfig = ClientProperties.serde(config);
        Serde<String> keys = config.keyFormat() == NewsflowConfig.KeyFormat.AVRO
                ? AvroStringSerde.create(registry, serdeConfig)
                : Serdes.String();
        return new Topics(config.inputTopics(), config.outputTopic(), config.errorTopic(), keys,
                AvroSerde.specific(RawArticle.class, registry, serdeConfig, false),
                AvroSerde.specific(EnrichedArticle.class, registry, serdeConfig, false),
                AvroSerde.specific(DeadLetter.class, registry, serdeConfig, false), ControlTopics.of(config),
                config.topicStreamPattern(), new TrendTopics(config.trendsTopic(), keys,
                        AvroSerde.specific(TrendSpike.class, registry, serdeConfig, false)),
                new AlertTopics(config.subscriptionsTopic(), config.applicationId() + "-subscriptions-accepted",
                        config.alertsTopic(), AvroSerde.specific(Alert.class, registry, serdeConfig, false)));
    }

    /**
     * Every topic the application reads or writes, as it should be created when missing, with one stream per
     * taxonomy topic in {@code taxonomyTopicIds}.
     */
    public List<TopicSpec> specs(NewsflowConfig config, List<String> taxonomyTopicIds) {
        Map<String, String> topicConfig = Map.of("max.message.bytes", Integer.toString(ClientProperties.maxMessageBytes(config)));
        List<TopicSpec> all = new ArrayList<>();
        for (String topic : input) {
            all.add(new TopicSpec(topic, config.partitions(), config.replicationFactor(), topicConfig));
        }
        all.add(new TopicSpec(enriched, config.partitions(), config.replicationFactor(), topicConfig));
        all.add(new TopicSpec(deadLetters, config.partitions(), config.replicationFactor(), topicConfig));
        all.add(new TopicSpec(trends.spikes(), config.partitions(), config.replicationFactor(), topicConfig));
        // One partition each: updates must apply in the order they were published.
        for (String topic : List.of(control.rules(), control.rulesAccepted(), control.kb(), control.kbAccepted())) {
            all.add(TopicSpec.compacted(topic, 1, config.replicationFactor())
                    .withConfig("max.message.bytes", topicConfig.get("max.message.bytes")));
        }
        for (String topicId : taxonomyTopicIds) {
            all.add(topicStreamSpec(config, topicId));
        }
        all.addAll(alerts.specs(config, topicConfig.get("max.message.bytes")));
        return all;
    }

    /** How the output stream of one taxonomy topic is created, also when a rule update adds the topic. */
    public TopicSpec topicStreamSpec(NewsflowConfig config, String topicId) {
        return new TopicSpec(topicStream(topicId), config.partitions(), config.replicationFactor(),
                Map.of("max.message.bytes", Integer.toString(ClientProperties.maxMessageBytes(config))));
    }

    /** The story stage's internal topics and stores, with the serdes of their records. */
    public StoryTopics story() {
        return new StoryTopics(enrichedSerde);
    }

    /**
     * Internal topics and stores of the story stage ({@link StoryTopology}). Kafka Streams creates them and prefixes
     * them with the application id: repartition topics are {@code <application id>-<name>-repartition}, changelogs
     * {@code <application id>-<store>-changelog}. Keys are tickets (article id and input position, see
     * {@link StoryTopology}) except in the index stores.
     *
     * @param articleSerde enriched articles waiting for their story (the registry serde, as for the output topic)
     */
    public record StoryTopics(Serde<EnrichedArticle> articleSerde) {

        /** Every article's fingerprint, on a single partition: one task decides all stories, in one order. */
        public static final String FINGERPRINTS = "story-fingerprints";
        /** Story verdicts on their way back to the articles waiting for them. */
        public static final String VERDICTS = "story-verdicts";
        /** Enriched articles on their way to wait for their verdict. */
        public static final String ARTICLES = "story-articles";
        /** Window store: story entries under URL, content and MinHash-band keys (values: StoryEntry). */
        public static final String INDEX_STORE = "story-index";
        /** Window store: each article's lead shingles by article id, to check candidates (values: long[]). */
        public static final String LEADS_STORE = "story-leads";
        /** Key-value store: articles whose verdict has not arrived yet. */
        public static final String PENDING_ARTICLES_STORE = "story-pending-articles";
        /** Key-value store: verdicts whose article has not arrived yet. */
        public static final String PENDING_VERDICTS_STORE = "story-pending-verdicts";

        public Serde<String> ticketSerde() {
            return Serdes.String();
        }

        public Serde<StoryTopology.Request> requestSerde() {
            return StorySerdes.request();
        }

        public Serde<dev.newsflow.enrich.dedup.StoryAssignment> verdictSerde() {
            return StorySerdes.assignment();
        }

        public Serde<dev.newsflow.enrich.dedup.StoryEntry> entrySerde() {
            return StorySerdes.entry();
        }

        public Serde<long[]> leadSerde() {
            return StorySerdes.lead();
        }
    }

    /**
     * The trend stage ({@link TrendTopology}): its output topic and its stores, which interactive queries read. Internal
     * topics are prefixed with the application id like the story stage's.
     *
     * @param spikes    topic of trend spikes (keys: trend key, {@link TrendKey}; values: TrendSpike)
     * @param keySerde  serde of the spike topic's keys (plain UTF-8 or Avro strings, as for article ids)
     * @param spikeSerde serde of TrendSpike (the registry serde)
     */
    public record TrendTopics(String spikes, Serde<String> keySerde, Serde<TrendSpike> spikeSerde) {

        /** Trend hits re-keyed by {@code topic:<id>} / {@code entity:<id>}. */
        public static final String KEYS = "trend-keys";
        /** Topic and entity pairs, partitioned by topic so one task holds every entity count of a topic. */
        public static final String PAIRS = "trend-topic-entity-keys";
        /** Window store: a key's count and sample articles per window (values: {@link TrendBucket}). */
        public static final String COUNTS_STORE = "trend-counts";
        /** Window store: an entity's count within a topic per window, keyed by {@link TrendKey#pair}. */
        public static final String TOPIC_ENTITIES_STORE = "trend-topic-entities";
        /** Window store: the windows a spike was already emitted for, so each key spikes once per window. */
        public static final String SPIKES_STORE = "trend-spikes";
        /** Key-value store: the first event time each task counted, so baselines are not judged before they exist. */
        public static final String EPOCH_STORE = "trend-epoch";

        public static Serde<String> trendKeySerde() {
            return Serdes.String();
        }

        static Serde<TrendHit> hitSerde() {
            return TrendSerdes.hit();
        }

        static Serde<TrendBucket> bucketSerde() {
            return TrendSerdes.bucket();
        }
    }

    /**
     * Watchlist alerting ({@link AlertTopology}): users publish subscriptions to a compacted topic like rules; the
     * accepted ones are read by every instance as a global store; alerts go to their own topic keyed by subscription
     * id. Internal topics and stores are named below; Kafka Streams prefixes them with the application id.
     *
     * @param subscriptions users' subscriptions (key subscription id, value JSON; a tombstone withdraws one)
     * @param accepted      the subscriptions that passed validation, read by every instance
     * @param alerts        the alerts (key subscription id, value Alert)
     * @param alertSerde    the registry serde of alerts
     */
    public record AlertTopics(String subscriptions, String accepted, String alerts, Serde<Alert> alertSerde) {

        /** Matches on their way to the task that keeps their story's state: keyed by story id. */
        public static final String SIGHTINGS = "alert-sightings";
        /** Key-value store: per subscription and story, what the current episode has seen (values: StoryWatch). */
        public static final String WATCH_STORE = "alert-story-watch";
        /** Alerts on their way to the task that keeps their subscription's history: keyed by subscription id. */
        public static final String BY_SUBSCRIPTION = "alerts-by-subscription";
        /** Window store: per subscription, the alerts raised in the last {@link #HISTORY_RETENTION} (values: Alert). */
        public static final String HISTORY_STORE = "alert-history";
        /** How long an alert stays queryable over HTTP. */
        public static final Duration HISTORY_RETENTION = Duration.ofDays(7);

        List<TopicSpec> specs(NewsflowConfig config, String maxMessageBytes) {
            return List.of(
                    // One partition each, as the other control topics: updates apply in the order published.
                    TopicSpec.compacted(subscriptions, 1, config.replicationFactor())
                            .withConfig("max.message.bytes", maxMessageBytes),
                    TopicSpec.compacted(accepted, 1, config.replicationFactor())
                            .withConfig("max.message.bytes", maxMessageBytes),
                    new TopicSpec(alerts, config.partitions(), config.replicationFactor(),
                            Map.of("max.message.bytes", maxMessageBytes)));
        }

        public Serde<dev.newsflow.alerts.Sighting> sightingSerde() {
            return AlertSerdes.sighting();
        }

        public Serde<dev.newsflow.alerts.StoryWatch> watchSerde() {
            return AlertSerdes.watch();
        }
    }
}
