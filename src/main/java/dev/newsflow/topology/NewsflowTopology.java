package dev.newsflow.topology;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Clock;
import java.util.function.Consumer;
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
 * every input becomes one enriched article or one dead letter, and enriched articles feed the trend stage. Pure: no I/O happens while building.
 */
public final class NewsflowTopology {

    private NewsflowTopology() {
    }

    /**
     * The article pipeline with fixed enrichers and no control plane: what topology tests and tools need.
     *
     * @param enrichers makes one enricher per stream task, so enrichers need not be thread-safe
     */
    public static Topology build(NewsflowConfig config, Topics topics, Supplier<Enricher> enrichers, Clock clock) {
        return build(config, topics, enrichers, clock, PipelineMetrics.NONE);
    }

    /** As above, reporting every record's outcome and pipeline time to {@code metrics}. */
    public static Topology build(NewsflowConfig config, Topics topics, Supplier<Enricher> enrichers, Clock clock,
                                 PipelineMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        addArticlePipeline(builder, config, topics, enrichers, clock, metrics, storied -> { });
        return builder.build();
    }

    /**
     * The application's topology: the article pipeline enriching with {@code models}, the control plane that
     * replaces their rules and knowledge-base entries while it runs, and watchlist alerts ({@link AlertTopology}).
     */
    public static Topology build(NewsflowConfig config, Topics topics, LiveModels models, Clock clock) {
        return build(config, topics, models, clock, PipelineMetrics.NONE);
    }

    /** As above, reporting every record's outcome and pipeline time to {@code metrics}. */
    public static Topology build(NewsflowConfig config, Topics topics, LiveModels models, Clock clock,
                                 PipelineMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        addArticlePipeline(builder, config, topics, models::enricher, clock, metrics,
                storied -> AlertTopology.addTo(builder, storied, config, topics, models, clock));
        ControlTopology.addTo(builder, topics, models, config.maxRecordBytes(), clock);
        return builder.build();
    }

    private static void addArticlePipeline(StreamsBuilder builder, NewsflowConfig config, Topics topics,
                                           Supplier<Enricher> enrichers, Clock clock, PipelineMetrics metrics,
                                           Consumer<KStream<String, EnrichedArticle>> alsoStoried) {
        // Values are read as bytes and decoded in the pipeline, so undecodable input becomes a dead letter that
        // keeps its bytes instead of an exception in the consumer.
        KStream<byte[], byte[]> raw = builder.stream(topics.input(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw-articles"));
        KStream<String, Outcome> outcomes = raw.process(() -> new ArticleProcessor(new ArticlePipeline(
                        topics.rawSerde().deserializer(), enrichers.get(), config.maxRecordBytes(),
                        config.maxBodyChars(), clock), metrics),
                Named.as("decode-validate-normalise-enrich"));
        outcomes.split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome instanceof Outcome.Enriched, Branched.withConsumer(enriched -> {
                    KStream<String, EnrichedArticle> withStory = StoryTopology.assign(builder, enriched.mapValues(
                            outcome -> ((Outcome.Enriched) outcome).article(), Named.as("enriched-article")),
                            config, topics);
                    addOutputs(withStory, topics);
                    TrendTopology.addTo(builder, withStory, config, topics);
                    alsoStoried.accept(withStory);
                }, "enriched"))
                .defaultBranch(Branched.withConsumer(rejected -> rejected
                        .mapValues(outcome -> ((Outcome.Rejected) outcome).letter(), Named.as("dead-letter"))
                        .to(topics.deadLetters(), Produced.with(topics.keySerde(), topics.deadLetterSerde())
                                .withName("dead-letters")), "rejected"));
    }

    private static void addOutputs(KStream<String, EnrichedArticle> enriched, Topics topics) {
        Produced<String, EnrichedArticle> produced = Produced.with(topics.keySerde(), topics.enrichedSerde());
        enriched.to(topics.enriched(), produced.withName("enriched-articles"));
        enriched.processValues(TopicFanOut::new, Named.as("copy-per-topic"))
                .to(TopicFanOut.destination(topics), Produced.with(topics.keySerde(), topics.enrichedSerde())
                        .withName("per-topic-streams"));
    }
}
