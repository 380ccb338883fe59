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
}
