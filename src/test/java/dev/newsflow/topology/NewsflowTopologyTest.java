package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.EnricherVersions;
import dev.newsflow.enrich.Enrichment;
import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The topology in isolation: TopologyTestDriver for Kafka, the in-process registry for schemas. */
class NewsflowTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static EmbeddedSchemaRegistry registry;

    private TopologyTestDriver driver;
    private Topics topics;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private Serializer<RawArticle> rawSerializer;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = EmbeddedSchemaRegistry.start(0, null);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private void start(Supplier<Enricher> enrichers) {
        NewsflowConfig config = NewsflowConfig.defaults().toBuilder()
                .schemaRegistryUrl(registry.url())
                .maxRecordBytes(20_000)
                .maxBodyChars(10_000)
                .build();
        topics = Topics.create(config, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url())));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(NewsflowTopology.build(config, topics, enrichers, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        input = driver.createInputTopic(config.inputTopics().get(0), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(config.outputTopic(), topics.keySerde().deserializer(), topics.enrichedSerde().deserializer());
        deadLetters = driver.createOutputTopic(config.errorTopic(), topics.keySerde().deserializer(), topics.deadLetterSerde().deserializer());
        rawSerializer = topics.rawSerde().serializer();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private byte[] bytes(RawArticle article) {
        return rawSerializer.serialize("news.articles.raw", article);
    }

    private static RawArticle.Builder article(String id) {
        return ArticleValidatorTest.valid().setId(id).setUrl("https://www.example.com/world/" + id + "?utm_source=feed");
    }

    @Test
    void aValidArticleIsNormalisedEnrichedAndKeyedById() {
        start(LanguageOnlyEnricher::new);
        RawArticle raw = article("a-1")
                .setTitle("<b>Putin</b> visits Tehran")
                .setBody("<p>Russian President Vladimir Putin arrived in Tehran on Tuesday.</p><script>x()</script>"
                        + "<p>He met the president of Iran and the two leaders said that the talks were useful.</p>")
                .setBodyFormat(BodyFormat.HTML)
                .setMetadata(Map.of("crawl", "7"))
                .build();

        input.pipeInput("crawler-key".getBytes(), bytes(raw));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        EnrichedArticle article = out.value();
        assertThat(out.key()).isEqualTo("a-1");
        assertThat(article.getTitle()).isEqualTo("Putin visits Tehran");
        assertThat(article.getText()).isEqualTo("Putin visits Tehran\n\nRussian President Vladimir Putin arrived in Tehran on Tuesday."
                + "\n\nHe met the president of Iran and the two leaders said that the talks were useful.");
        assertThat(article.getBodyStart()).isEqualTo(21);
        assertThat(article.getCanonicalUrl()).isEqualTo("https://example.com/world/a-1");
        assertThat(article.getSource().getDomain()).isEqualTo("example.com");
        assertThat(article.getLanguage().getCode()).isEqualTo("en");
        assertThat(article.getStory().getStoryId()).isEqualTo("a-1");
        assertThat(article.getStory().getContentHash()).hasSize(64);
        assertThat(article.getProvenance().getSourceTopic()).isEqualTo("news.articles.raw");
        assertThat(article.getProvenance().getProcessedAt()).isEqualTo(NOW);
        assertThat(article.getMetadata()).containsEntry("crawl", "7");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void undecodableBytesBecomeDeadLettersWithTheOriginalBytesAndGoodRecordsKeepFlowing() {
        start(LanguageOnlyEnricher::new);
        byte[] json = "{\"id\":\"x\"}".getBytes();
        byte[] unknownId = {0, 0x7f, 0, 0, 1, 2, 3};
        byte[] good = bytes(article("good").build());
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);

        input.pipeInput(null, json);
        input.pipeInput(null, unknownId);
        input.pipeInput(null, truncated);
        input.pipeInput(null, new byte[] {0, 1});
        input.pipeInput("k".getBytes(), (byte[]) null);
        input.pipeInput(null, good);

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("good");
        var letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getErrorCode)
                .containsExactly("bad-magic-byte", "unknown-schema-id", "malformed-avro", "too-short", "null-value");
        assertThat(letters).allSatisfy(l -> assertThat(l.getStage()).isEqualTo(FailureStage.DESERIALIZE));
        assertThat(letters.get(0).getOriginalValue()).isEqualTo(ByteBuffer.wrap(json));
        assertThat(letters.get(0).getSourceOffset()).isZero();
        assertThat(letters.get(2).getSourceOffset()).isEqualTo(2);
        assertThat(letters.get(4).getOriginalKey()).isEqualTo(ByteBuffer.wrap("k".getBytes()));
    }

    @Test
    void contractViolationsAreDeadLetteredWithTheArticleIdAsKey() {
        start(LanguageOnlyEnricher::new);

        input.pipeInput(null, bytes(article("no-url").setUrl("not a url").build()));
        input.pipeInput(null, bytes(article("big").setBody("x".repeat(10_001)).build()));
        input.pipeInput(null, bytes(article("html-only").setBody("<script>1</script>\u200B").setBodyFormat(BodyFormat.HTML).build()));

        var letters = deadLetters.readRecordsToList();
        assertThat(letters).extracting(TestRecord::key).containsExactly("no-url", "big", "html-only");
        assertThat(letters).extracting(r -> r.value().getErrorCode()).containsExactly("invalid-url", "body-too-large", "empty-body");
        assertThat(letters.get(1).value().getReason()).contains("max-body-chars");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void anOversizedRecordIsRejectedBeforeParsing() {
        start(LanguageOnlyEnricher::new);
        byte[] huge = new byte[20_001];

        input.pipeInput(null, huge);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getErrorCode()).isEqualTo("record-too-large");
        assertThat(letter.getReason()).contains("20001").contains("max-record-bytes");
    }

    @Test
    void anEnricherThatThrowsDeadLettersThatArticleOnly() {
        start(() -> new Enricher() {
            private final LanguageOnlyEnricher delegate = new LanguageOnlyEnricher();

            @Override
            public Enrichment enrich(Document document) {
                if (document.text().contains("poison")) {
                    throw new IllegalStateException("cannot enrich poison");
                }
                return delegate.enrich(document);
            }

            @Override
            public EnricherVersions versions() {
                return new EnricherVersions("tax-1", "kb-1", "ner-1");
            }
        });

        input.pipeInput(null, bytes(article("p").setBody("poison pill").build()));
        input.pipeInput(null, bytes(article("ok").build()));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getErrorCode()).isEqualTo("enrichment-failed");
        assertThat(letter.getStage()).isEqualTo(FailureStage.ENRICH);
        assertThat(letter.getExceptionClass()).isEqualTo(IllegalStateException.class.getName());
        EnrichedArticle ok = enriched.readValue();
        assertThat(ok.getProvenance().getTaxonomyVersion()).isEqualTo("tax-1");
        assertThat(ok.getProvenance().getKnowledgeBaseVersion()).isEqualTo("kb-1");
    }

    @Test
    void theTopologyDescribesOneSourceAndTwoSinks() {
        start(LanguageOnlyEnricher::new);
        String description = NewsflowTopology.build(NewsflowConfig.defaults(), topics, LanguageOnlyEnricher::new,
                Clock.systemUTC()).describe().toString();

        assertThat(description).contains("news.articles.raw").contains("news.articles.enriched").contains("news.articles.dlq");
    }

    static Source source() {
        return new Source("Example Wire", null);
    }
}
