package dev.newsflow.topology;

import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.kafka.TopicSpec;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.AvroStringSerde;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
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
 */
public record Topics(List<String> input, String enriched, String deadLetters,
                     Serde<String> keySerde, Serde<RawArticle> rawSerde, Serde<EnrichedArticle> enrichedSerde,
                     Serde<DeadLetter> deadLetterSerde) {

    /** Topics and serdes for {@code config}, sharing one registry client (and so one schema cache). */
    public static Topics create(NewsflowConfig config, SchemaRegistryClient registry) {
        Map<String, Object> serdeConfig = ClientProperties.serde(config);
        Serde<String> keys = config.keyFormat() == NewsflowConfig.KeyFormat.AVRO
                ? AvroStringSerde.create(registry, serdeConfig)
                : Serdes.String();
        return new Topics(config.inputTopics(), config.outputTopic(), config.errorTopic(), keys,
                AvroSerde.specific(RawArticle.class, registry, serdeConfig, false),
                AvroSerde.specific(EnrichedArticle.class, registry, serdeConfig, false),
                AvroSerde.specific(DeadLetter.class, registry, serdeConfig, false));
    }

    /** Every topic the application reads or writes, as it should be created when missing. */
    public List<TopicSpec> specs(NewsflowConfig config) {
        Map<String, String> topicConfig = Map.of("max.message.bytes", Integer.toString(ClientProperties.maxMessageBytes(config)));
        List<TopicSpec> all = new ArrayList<>();
        for (String topic : input) {
            all.add(new TopicSpec(topic, config.partitions(), config.replicationFactor(), topicConfig));
        }
        all.add(new TopicSpec(enriched, config.partitions(), config.replicationFactor(), topicConfig));
        all.add(new TopicSpec(deadLetters, config.partitions(), config.replicationFactor(), topicConfig));
        return all;
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
}
