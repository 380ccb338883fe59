package dev.newsflow.topology;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.Enricher;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds the newsflow topology: raw articles are decoded, validated, normalised, enriched and given their story;
 * every input becomes one enriched article or one dead letter. Pure: no I/O happens while building.
 */
public final class NewsflowTopology {

    private NewsflowTopology() {
    }

    /**
     * @param enrichers makes one enricher per stream task, so enrichers need not be thread-safe
     */
    public static Topology build(NewsflowConfig config, Topics topics, Supplier<Enricher> enrichers, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        // Values are read as bytes and decoded in the pipeline, so undecodable input becomes a dead letter that
        // keeps its bytes instead of an exception in the consumer.
        KStream<byte[], byte[]> raw = builder.stream(topics.input(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw-articles"));
        KStream<String, Outcome> outcomes = raw.process(() -> new ArticleProcessor(new ArticlePipeline(
                        topics.rawSerde().deserializer(), enrichers.get(), config.maxRecordBytes(),
                        config.maxBodyChars(), clock)),
                Named.as("decode-validate-normalise-enrich"));
        outcomes.split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome instanceof Outcome.Enriched, Branched.withConsumer(enriched -> StoryTopology
                        .assign(builder, enriched.mapValues(outcome -> ((Outcome.Enriched) outcome).article(),
                                Named.as("enriched-article")), config, topics)
                        .to(topics.enriched(), Produced.with(topics.keySerde(), topics.enrichedSerde())
                                .withName("enriched-articles")), "enriched"))
                .defaultBranch(Branched.withConsumer(rejected -> rejected
                        .mapValues(outcome -> ((Outcome.Rejected) outcome).letter(), Named.as("dead-letter"))
                        .to(topics.deadLetters(), Produced.with(topics.keySerde(), topics.deadLetterSerde())
                                .withName("dead-letters")), "rejected"));
        return builder.build();
    }
}
