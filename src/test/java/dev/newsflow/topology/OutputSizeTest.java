package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.EnricherVersions;
import dev.newsflow.enrich.Enrichment;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.Span;
import dev.newsflow.enrich.lang.LanguageGuess;
import dev.newsflow.enrich.topics.TopicMatch;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Output records never outgrow what the topic accepts: lists are capped, and what still does not fit is dead-lettered. */
class OutputSizeTest {

    private static EmbeddedSchemaRegistry registry;
    private static Topics topics;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start(0, null);
        topics = Topics.create(NewsflowConfig.defaults().toBuilder().schemaRegistryUrl(registry.url()).build(),
                RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url())));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    /** An enricher that names entity e-i (i < entities) with mentions each, and one topic with evidence spans. */
    private static Enricher hostile(int entities, int mentions, int evidence) {
        return new Enricher() {
            @Override
            public Enrichment enrich(dev.newsflow.enrich.Document document) {
                List<EntityMatch> matches = new ArrayList<>();
                for (int i = 0; i < entities; i++) {
                    List<Span> spans = IntStream.range(0, mentions).mapToObj(m -> new Span(0, 4, "Iran\u00e9")).toList();
                    matches.add(new EntityMatch("local:person:e-" + i, "Person \u00e9 " + i, EntityMatch.EntityKind.PERSON,
                            null, null, EntityMatch.LinkSource.NER, 0.5, spans));
                }
                List<TopicMatch.TopicEvidence> spans = IntStream.range(0, evidence)
                        .mapToObj(e -> new TopicMatch.TopicEvidence("sanctions", 0, 4, "any", 0.1)).toList();
                return new Enrichment(new LanguageGuess("en", 1.0, LanguageGuess.Method.DECLARED), matches,
                        List.of(new TopicMatch("sanctions", 1.0, spans)));
            }

            @Override
            public EnricherVersions versions() {
                return new EnricherVersions("t", "k", "n");
            }
        };
    }

    private static Outcome process(Enricher enricher, int maxOutputBytes, byte[] key) {
        ArticlePipeline pipeline = new ArticlePipeline(topics.rawSerde().deserializer(), enricher, 1_048_576, 500_000,
                maxOutputBytes, Clock.fixed(TopologyHarness.NOW, ZoneOffset.UTC));
        RawArticle raw = RawArticle.newBuilder().setId("a").setUrl("https://example.com/a").setSource(new Source("W", null))
                .setTitle("Iran").setBody("Iran talks.").setFetchedAt(TopologyHarness.NOW).build();
        byte[] value = topics.rawSerde().serializer().serialize("news.articles.raw", raw);
        return pipeline.process(new InputRecord("news.articles.raw", 0, 7, 1L, key, value), new RecordHeaders());
    }

    private static int serialized(EnrichedArticle article) {
        return topics.enrichedSerde().serializer().serialize("news.articles.enriched", article).length;
    }

    @Test
    void listsAreCappedAndTheArticleSaysItIsTruncated() {
        Outcome outcome = process(hostile(600, 700, 150), Integer.MAX_VALUE, null);

        EnrichedArticle article = ((Outcome.Enriched) outcome).article();
        assertThat(article.getTruncated()).isTrue();
        assertThat(article.getEntities()).hasSize(EnrichedArticleMapper.MAX_ENTITIES);
        assertThat(article.getEntities().get(0).getMentions()).hasSize(EnrichedArticleMapper.MAX_MENTIONS_PER_ENTITY);
        assertThat(article.getEntities().get(0).getMentionCount()).isEqualTo(700);
        assertThat(article.getTopics().get(0).getEvidence()).hasSize(EnrichedArticleMapper.MAX_EVIDENCE_PER_TOPIC);
        assertThat(OutputSize.exact(article)).isEqualTo(serialized(article));
        assertThat(OutputSize.upperBound(article)).isGreaterThanOrEqualTo(serialized(article));
    }

    @Test
    void anOrdinaryArticleIsNotTruncated() {
        EnrichedArticle article = ((Outcome.Enriched) process(hostile(3, 4, 2), 1_048_576, null)).article();

        assertThat(article.getTruncated()).isFalse();
        assertThat(article.getEntities().get(0).getMentionCount()).isEqualTo(4);
    }

    @Test
    void anArticleThatStillDoesNotFitIsDeadLetteredWithItsSizes() {
        // Capped at 500 x 500 mentions this is still megabytes: more than a 1 MiB limit.
        Outcome outcome = process(hostile(500, 500, 0), 1_048_576, "k".getBytes());

        DeadLetter letter = ((Outcome.Rejected) outcome).letter();
        assertThat(letter.getErrorCode()).isEqualTo("output-too-large");
        assertThat(letter.getStage()).isEqualTo(FailureStage.OTHER);
        assertThat(letter.getArticleId()).isEqualTo("a");
        assertThat(letter.getReason()).containsPattern("would take \\d+ bytes; the output topic takes \\d+");
        assertThat(letter.getOriginalValue()).isNotNull();
        assertThat(OutputSize.upperBound(letter)).isLessThan(1_048_576);
    }

    @Test
    void aDeadLetterLeavesOutOriginalBytesTooLargeForItsTopic() {
        byte[] hugeKey = new byte[2_000_000];
        InputRecord input = new InputRecord("news.articles.raw", 2, 9, 1L, hugeKey, new byte[3_000_000]);

        DeadLetter letter = DeadLetters.of(Rejection.of(FailureStage.DESERIALIZE, "record-too-large", "too large"), input,
                null, TopologyHarness.NOW, 1_048_576);

        assertThat(letter.getOriginalValue()).isNull();
        assertThat(letter.getOriginalKey()).isNull();
        assertThat(letter.getReason()).contains("original value of 3000000 bytes left out")
                .contains("news.articles.raw-2 offset 9").contains("original key of 2000000 bytes left out");
        assertThat(topics.deadLetterSerde().serializer().serialize("news.articles.dlq", letter).length).isLessThan(1_048_576);
    }

    @Test
    void aDeadLetterKeepsOriginalBytesThatFit() {
        InputRecord input = new InputRecord("news.articles.raw", 0, 1, 1L, "k".getBytes(), new byte[900_000]);

        DeadLetter letter = DeadLetters.of(Rejection.of(FailureStage.DESERIALIZE, "record-too-large", "r"), input, null,
                TopologyHarness.NOW, 1_048_576);

        assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(new byte[900_000]));
        assertThat(letter.getReason()).isEqualTo("r");
    }
}
