package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.enrich.dedup.MatchKind;
import dev.newsflow.enrich.dedup.StoryAssignment;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import dev.newsflow.schema.DuplicateMatch;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The join of articles and verdicts, whichever side comes first. */
class StoryJoinerTest {

    private final MockProcessorContext<String, EnrichedArticle> context = new MockProcessorContext<>();
    private final StoryJoiner joiner = new StoryJoiner();
    private KeyValueStore<String, EnrichedArticle> articles;
    private KeyValueStore<String, StoryAssignment> verdicts;

    @BeforeEach
    void init() {
        articles = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Topics.StoryTopics.PENDING_ARTICLES_STORE),
                Serdes.String(), avro()).withLoggingDisabled().build();
        verdicts = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Topics.StoryTopics.PENDING_VERDICTS_STORE),
                Serdes.String(), StorySerdes.assignment()).withLoggingDisabled().build();
        articles.init(context.getStateStoreContext(), articles);
        verdicts.init(context.getStateStoreContext(), verdicts);
        context.addStateStore(articles);
        context.addStateStore(verdicts);
        joiner.init(context);
    }

    /** Avro's own single-object encoding: the registry serde is not what this test is about. */
    private static org.apache.kafka.common.serialization.Serde<EnrichedArticle> avro() {
        return Serdes.serdeFrom((topic, value) -> {
            try {
                java.nio.ByteBuffer buffer = value.toByteBuffer();
                return java.util.Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            try {
                return EnrichedArticle.fromByteBuffer(java.nio.ByteBuffer.wrap(bytes));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static EnrichedArticle article(String id, long offset) {
        RawArticle raw = ArticleValidatorTest.valid().setId(id).build();
        NormalisedText text = new TextNormaliser().normalise(raw.getTitle(), raw.getBody(), false);
        LanguageOnlyEnricher enricher = new LanguageOnlyEnricher();
        return EnrichedArticleMapper.toAvro(raw, text, enricher.enrich(ArticleDocuments.of(raw, text)), enricher.versions(),
                new InputRecord("raw", 2, offset, 0, null, null), Instant.EPOCH);
    }

    private void article(EnrichedArticle article) {
        joiner.process(new Record<>(StoryTopology.ticket(article), new StoryJoiner.Input.Article(article), 10L));
    }

    private void verdict(EnrichedArticle article, StoryAssignment verdict) {
        joiner.process(new Record<>(StoryTopology.ticket(article), new StoryJoiner.Input.Verdict(verdict), 10L));
    }

    @SuppressWarnings("unchecked")
    private List<Record<String, EnrichedArticle>> forwarded() {
        return context.forwarded().stream().map(f -> (Record<String, EnrichedArticle>) f.record()).toList();
    }

    @Test
    void anArticleWaitsForItsVerdict() {
        EnrichedArticle a = article("a", 1);
        article(a);
        assertThat(context.forwarded()).isEmpty();

        verdict(a, new StoryAssignment("s", true, "s", MatchKind.SAME_URL, 0.9, "s"));

        List<Record<String, EnrichedArticle>> out = forwarded();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo("a");
        assertThat(out.get(0).timestamp()).isEqualTo(10L);
        assertThat(out.get(0).value().getStory().getStoryId()).isEqualTo("s");
        assertThat(out.get(0).value().getStory().getMatch()).isEqualTo(DuplicateMatch.SAME_URL);
        assertThat(out.get(0).value().getStory().getSimilarity()).isEqualTo(0.9);
        assertThat(out.get(0).value().getStory().getContentHash()).isEqualTo(a.getStory().getContentHash());
        assertThat(articles.approximateNumEntries() + verdicts.approximateNumEntries()).isZero();
    }

    @Test
    void aVerdictWaitsForItsArticle() {
        EnrichedArticle a = article("a", 1);
        verdict(a, StoryAssignment.own("a"));
        assertThat(context.forwarded()).isEmpty();

        article(a);

        assertThat(forwarded()).hasSize(1);
        assertThat(forwarded().get(0).value().getStory().getMatch()).isEqualTo(DuplicateMatch.NONE);
        assertThat(articles.approximateNumEntries() + verdicts.approximateNumEntries()).isZero();
    }

    @Test
    void twoInputsWithOneArticleIdAreTwoArticles() {
        EnrichedArticle first = article("same", 1);
        EnrichedArticle second = article("same", 2);
        article(first);
        article(second);
        verdict(second, new StoryAssignment("same", true, "same", MatchKind.SAME_URL, 1.0, "same"));
        verdict(first, StoryAssignment.own("same"));

        assertThat(forwarded()).extracting(Record::key).containsExactly("same", "same");
        assertThat(forwarded()).extracting(r -> r.value().getProvenance().getSourceOffset()).containsExactly(2L, 1L);
        assertThat(forwarded()).extracting(r -> r.value().getStory().getDuplicate()).containsExactly(true, false);
    }
}
