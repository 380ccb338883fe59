package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The newsflow topology in a TopologyTestDriver, piping one record at a time and insisting on exactly one output. */
final class TopologyHarness implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** The production enricher (knowledge base, NER, taxonomy), loaded once for every harness in the JVM. */
    private static volatile NewsEnricher.Shared shared;

    /** What one input record became: exactly one of article and letter is set. */
    record Output(String key, EnrichedArticle article, DeadLetter letter) {
        String code() {
            return letter == null ? "enriched" : letter.getErrorCode();
        }
    }

    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> input;
    private final TestOutputTopic<String, EnrichedArticle> enriched;
    private final TestOutputTopic<String, DeadLetter> deadLetters;
    private final Topics topics;
    private final SchemaRegistryClient registry;

    private TopologyHarness(NewsflowConfig config, SchemaRegistryClient registry, Supplier<Enricher> enrichers) {
        this.registry = registry;
        this.topics = Topics.create(config, registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "harness");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // A directory of its own: the default, /tmp/kafka-streams/harness, is shared by every build on the machine.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        driver = new TopologyTestDriver(NewsflowTopology.build(config, topics, enrichers, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        input = driver.createInputTopic(config.inputTopics().get(0), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(config.outputTopic(), topics.keySerde().deserializer(), topics.enrichedSerde().deserializer());
        deadLetters = driver.createOutputTopic(config.errorTopic(), topics.keySerde().deserializer(), topics.deadLetterSerde().deserializer());
    }

    private static Path stateDir() {
        try {
            Path dir = Files.createTempDirectory("newsflow-harness-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A harness with the production enricher and the default limits. */
    static TopologyHarness start(EmbeddedSchemaRegistry registry) {
        return start(registry, NewsflowConfig.defaults(), TopologyHarness::productionEnricher);
    }

    static TopologyHarness start(EmbeddedSchemaRegistry registry, NewsflowConfig config, Supplier<Enricher> enrichers) {
        NewsflowConfig pointed = config.toBuilder().schemaRegistryUrl(registry.url()).build();
        return new TopologyHarness(pointed, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url())),
                enrichers);
    }

    static Enricher productionEnricher() {
        NewsEnricher.Shared s = shared;
        if (s == null) {
            synchronized (TopologyHarness.class) {
                if (shared == null) {
                    shared = NewsEnricher.Shared.loadDefault();
                }
                s = shared;
            }
        }
        return new NewsEnricher(s);
    }

    SchemaRegistryClient registry() {
        return registry;
    }

    /** The record as a crawler's Confluent serializer would write it. */
    byte[] bytes(RawArticle article) {
        return topics.rawSerde().serializer().serialize("news.articles.raw", article);
    }

    /** Bytes the enriched article takes on its topic. */
    int serializedSize(EnrichedArticle article) {
        return topics.enrichedSerde().serializer().serialize("news.articles.enriched", article).length;
    }

    /** Pipes one record and returns its one output; fails when there is none or more than one. */
    Output pipe(byte[] key, byte[] value) {
        input.pipeInput(key, value);
        List<TestRecord<String, EnrichedArticle>> articles = enriched.readRecordsToList();
        List<TestRecord<String, DeadLetter>> letters = deadLetters.readRecordsToList();
        assertThat(articles.size() + letters.size()).as("outputs for one input (enriched %s, dead letters %s)",
                articles.size(), letters.stream().map(l -> l.value().getErrorCode()).toList()).isEqualTo(1);
        return articles.isEmpty()
                ? new Output(letters.get(0).key(), null, letters.get(0).value())
                : new Output(articles.get(0).key(), articles.get(0).value(), null);
    }

    Output pipe(byte[] value) {
        return pipe(null, value);
    }

    Output pipe(RawArticle article) {
        return pipe(null, bytes(article));
    }

    @Override
    public void close() {
        driver.close();
    }
}
