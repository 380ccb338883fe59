package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.enrich.dedup.StoryTexts;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.DuplicateMatch;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Story;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The story stage inside the whole topology, on TopologyTestDriver: verdicts, the index window and the join. */
class StoryTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private Serializer<RawArticle> rawSerializer;
    private Instant wallClock = T0;

    @BeforeEach
    void start() {
        NewsflowConfig config = NewsflowConfig.defaults().toBuilder()
                .schemaRegistryUrl(SharedRegistry.url())
                .storyWindow(Duration.ofHours(72))
                .build();
        Topics topics = Topics.create(config, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", SharedRegistry.url())));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(NewsflowTopology.build(config, topics, LanguageOnlyEnricher::new,
                Clock.fixed(T0, ZoneOffset.UTC)), props, T0);
        input = driver.createInputTopic(config.inputTopics().get(0), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(config.outputTopic(), topics.keySerde().deserializer(), topics.enrichedSerde().deserializer());
        deadLetters = driver.createOutputTopic(config.errorTopic(), topics.keySerde().deserializer(), topics.deadLetterSerde().deserializer());
        rawSerializer = topics.rawSerde().serializer();
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static RawArticle article(String id, String url, String title, String body) {
        return ArticleValidatorTest.valid().setId(id).setUrl(url).setTitle(title).setBody(body).build();
    }

    /** Sends at event time {@code time}, with this machine's clock moved along when the time is later. */
    private void send(RawArticle article, Instant time) {
        if (time.isAfter(wallClock)) {
            driver.advanceWallClockTime(Duration.between(wallClock, time));
            wallClock = time;
        }
        sendWithoutClock(article, time);
    }

    private void sendWithoutClock(RawArticle article, Instant time) {
        input.pipeInput(null, rawSerializer.serialize("news.articles.raw", article), time);
    }

    private Map<String, Story> stories() {
        Map<String, Story> out = new java.util.LinkedHashMap<>();
        for (TestRecord<String, EnrichedArticle> record : enriched.readRecordsToList()) {
            assertThat(out).as("each article is emitted once").doesNotContainKey(record.key());
            out.put(record.key(), record.value().getStory());
        }
        return out;
    }

    @Test
    void aSyndicatedCopyJoinsTheWireStoryAndOtherStoriesStayApart() {
        send(article("wire-1", "https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY), T0);
        send(article("daily-7", "https://daily.example/news/7", "Trains to roll again as bridge is fixed",
                StoryTexts.SYNDICATED_BODY), T0.plusSeconds(600));
        send(article("paper-3", "https://paper.example/rail", "Norland reopens rail corridor", StoryTexts.OTHER_REPORT_BODY),
                T0.plusSeconds(900));

        Map<String, Story> stories = stories();

        assertThat(stories.keySet()).containsExactly("wire-1", "daily-7", "paper-3");
        assertThat(stories.get("wire-1").getStoryId()).isEqualTo("wire-1");
        assertThat(stories.get("wire-1").getMatch()).isEqualTo(DuplicateMatch.NONE);
        Story copy = stories.get("daily-7");
        assertThat(copy.getStoryId()).isEqualTo("wire-1");
        assertThat(copy.getDuplicate()).isFalse();
        assertThat(copy.getDuplicateOf()).isNull();
        assertThat(copy.getMatch()).isEqualTo(DuplicateMatch.NEAR_TEXT);
        assertThat(copy.getMatchedId()).isEqualTo("wire-1");
        assertThat(copy.getSimilarity()).isEqualTo(1.0);
        assertThat(stories.get("paper-3").getStoryId()).isEqualTo("paper-3");
        assertThat(stories.get("paper-3").getMatch()).isEqualTo(DuplicateMatch.NONE);
    }

    @Test
    void exactDuplicatesAreFlaggedWithTheFirstArticle() {
        send(article("a", "https://www.wire.example/rail?utm_source=feed", "Norland reopens rail corridor",
                StoryTexts.WIRE_BODY), T0);
        send(article("b", "https://wire.example/rail", "Norland reopens its rail corridor", StoryTexts.EDITED_BODY),
                T0.plusSeconds(60));
        send(article("c", "https://mirror.example/copy", "Norland reopens rail corridor", StoryTexts.WIRE_BODY),
                T0.plusSeconds(120));

        Map<String, Story> stories = stories();

        assertThat(stories.get("b").getDuplicate()).isTrue();
        assertThat(stories.get("b").getDuplicateOf()).isEqualTo("a");
        assertThat(stories.get("b").getMatch()).isEqualTo(DuplicateMatch.SAME_URL);
        assertThat(stories.get("c").getDuplicate()).isTrue();
        assertThat(stories.get("c").getMatch()).isEqualTo(DuplicateMatch.SAME_TEXT);
        assertThat(stories.get("c").getDuplicateOf()).isEqualTo("a");
        assertThat(stories.values()).extracting(Story::getStoryId).containsOnly("a");
    }

    @Test
    void theSameArticleIdSentTwiceIsEmittedTwiceAndTheRepeatIsAnExactDuplicate() {
        RawArticle once = article("same", "https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY);
        send(once, T0);
        send(once, T0.plusSeconds(5));

        List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();

        assertThat(out).extracting(TestRecord::key).containsExactly("same", "same");
        assertThat(out.get(0).value().getStory().getDuplicate()).isFalse();
        assertThat(out.get(1).value().getStory().getDuplicate()).isTrue();
        assertThat(out.get(1).value().getStory().getDuplicateOf()).isEqualTo("same");
        assertThat(pending()).isZero();
    }

    @Test
    void copiesFurtherApartThanTheWindowOpenANewStoryAndTheIndexForgetsOldEntries() {
        send(article("old", "https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY), T0);
        send(article("late", "https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY),
                T0.plus(Duration.ofHours(73)));
        send(article("other", "https://paper.example/plants", "Sunflowers clean soil", StoryTexts.UNRELATED_BODY),
                T0.plus(Duration.ofDays(10)));

        Map<String, Story> stories = stories();

        assertThat(stories.get("late").getStoryId()).isEqualTo("late");
        assertThat(stories.get("late").getDuplicate()).isFalse();
        // Ten days on, the window store's retention has dropped both earlier articles' entries.
        WindowStore<String, ?> index = driver.getWindowStore(Topics.StoryTopics.INDEX_STORE);
        List<String> filed = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, ?> all = index.all()) {
            all.forEachRemaining(entry -> filed.add(((dev.newsflow.enrich.dedup.StoryEntry) entry.value).articleId()));
        }
        assertThat(filed).containsOnly("other").isNotEmpty();
    }

    @Test
    void anArticleStampedFarInTheFutureDoesNotBlindTheIndex() {
        send(article("a", "https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY), T0);
        // A crawler with a clock ten years fast: taken as stamped one hour ahead of this machine.
        sendWithoutClock(article("future", "https://paper.example/plants", "Sunflowers clean soil",
                StoryTexts.UNRELATED_BODY), T0.plus(Duration.ofDays(3650)));
        send(article("b", "https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY),
                T0.plusSeconds(60));

        assertThat(stories().get("b").getDuplicateOf()).isEqualTo("a");
    }

    @Test
    void deadLettersBypassTheStoryStageAndNothingIsLeftWaiting() {
        send(article("good", "https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY), T0);
        send(article("bad", "not a url", "Broken", StoryTexts.UNRELATED_BODY), T0);
        send(article("good-2", "https://paper.example/plants", "Sunflowers clean soil", StoryTexts.UNRELATED_BODY), T0);

        assertThat(stories()).containsOnlyKeys("good", "good-2");
        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getArticleId).containsExactly("bad");
        assertThat(pending()).isZero();
    }

    private long pending() {
        KeyValueStore<String, ?> articles = driver.getKeyValueStore(Topics.StoryTopics.PENDING_ARTICLES_STORE);
        KeyValueStore<String, ?> verdicts = driver.getKeyValueStore(Topics.StoryTopics.PENDING_VERDICTS_STORE);
        return articles.approximateNumEntries() + verdicts.approximateNumEntries() + count(articles) + count(verdicts);
    }

    private static long count(KeyValueStore<String, ?> store) {
        long n = 0;
        try (KeyValueIterator<String, ?> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ?> ignored = all.next();
                n++;
            }
        }
        return n;
    }
}
