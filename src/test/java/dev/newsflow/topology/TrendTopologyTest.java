package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.TrendKind;
import dev.newsflow.schema.TrendSpike;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trend stage inside the whole topology on TopologyTestDriver: event time from published else fetched time,
 * windowed counts with out-of-order and too-late articles, one spike per key and window, top entities per topic.
 */
class TrendTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant DAY = Instant.parse("2026-11-28T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, TrendSpike> spikes;
    private Serializer<RawArticle> rawSerializer;
    private int sent;

    @BeforeEach
    void start() {
        NewsflowConfig config = NewsflowConfig.defaults().toBuilder()
                .schemaRegistryUrl(SharedRegistry.url())
                .trendWindow(HOUR)
                .trendGrace(Duration.ofHours(2))
                .trendBaselineWindows(3)
                .trendMinCount(3)
                .trendSpikeThreshold(3.0)
                .build();
        Topics topics = Topics.create(config, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", SharedRegistry.url())));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(NewsflowTopology.build(config, topics, TaggingEnricher::new,
                Clock.fixed(NOW, ZoneOffset.UTC)), props, NOW);
        input = driver.createInputTopic(config.inputTopics().get(0), new ByteArraySerializer(), new ByteArraySerializer());
        spikes = driver.createOutputTopic(config.trendsTopic(), topics.trends().keySerde().deserializer(),
                topics.trends().spikeSerde().deserializer());
        rawSerializer = topics.rawSerde().serializer();
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** An article with its own URL and text (so never an exact duplicate) tagged as {@code tags} asks. */
    private void send(String tags, Instant published, Instant fetched) {
        String id = "a" + (++sent);
        RawArticle article = ArticleValidatorTest.valid().setId(id).setUrl("https://example.com/" + id)
                .setTitle(tags).setBody("Report number " + id + " on the matter.")
                .setPublishedAt(published).setFetchedAt(fetched).build();
        input.pipeInput(null, rawSerializer.serialize("news.articles.raw", article), NOW);
    }

    private void send(String tags, Instant published) {
        send(tags, published, NOW);
    }

    private ReadOnlyWindowStore<String, TrendBucket> counts() {
        return driver.getWindowStore(Topics.TrendTopics.COUNTS_STORE);
    }

    private long count(String key, Instant windowStart) {
        TrendBucket bucket = counts().fetch(key, windowStart.toEpochMilli());
        return bucket == null ? 0 : bucket.count();
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-11-28T" + hhmm + ":00Z");
    }

    private double droppedRecords() {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
            if (e.getKey().name().equals("dropped-records-total")) {
                total += ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }

    @Test
    void eventTimeIsThePublishedTimeElseTheFetchedTime() {
        send("#sanctions @org:un", at("03:10"), at("09:00"));
        send("#sanctions", null, at("05:20"));
        send("#sanctions", Instant.ofEpochMilli(-276455340L), at("05:40"));

        assertThat(count("topic:sanctions", at("03:00"))).isEqualTo(1);
        assertThat(count("entity:org:un", at("03:00"))).isEqualTo(1);
        assertThat(count("topic:sanctions", at("05:00"))).as("fetched time, also for a time before 1970").isEqualTo(2);
        assertThat(count("topic:sanctions", at("09:00"))).as("not the fetched time when published is known").isZero();
    }

    @Test
    void outOfOrderArticlesWithinTheGraceCountAndLaterOnesAreDroppedAndCounted() {
        send("#drones", at("09:10"));
        send("#drones", at("07:30"));   // out of order, window 07:00-08:00 ends after 09:10 - 2h grace
        send("#drones", at("06:59"));   // window 06:00-07:00 closed at 07:00 + 2h = 09:00 < 09:10: too late
        send("#drones", at("07:05"));   // still open
        double droppedBefore = droppedRecords();
        send("#drones", at("01:00"));   // far too late

        assertThat(count("topic:drones", at("09:00"))).isEqualTo(1);
        assertThat(count("topic:drones", at("07:00"))).isEqualTo(2);
        assertThat(count("topic:drones", at("06:00"))).isZero();
        assertThat(count("topic:drones", at("01:00"))).isZero();
        assertThat(droppedRecords()).as("late articles show in Kafka Streams' dropped-records metric")
                .isGreaterThanOrEqualTo(2).isEqualTo(droppedBefore + 1);
    }

    @Test
    void exactDuplicatesAreNotCounted() {
        RawArticle article = ArticleValidatorTest.valid().setId("x").setUrl("https://example.com/x").setTitle("#iran")
                .setBody("The same text twice.").setPublishedAt(at("04:00")).setFetchedAt(NOW).build();
        input.pipeInput(null, rawSerializer.serialize("news.articles.raw", article), NOW);
        input.pipeInput(null, rawSerializer.serialize("news.articles.raw", article), NOW);

        assertThat(count("topic:iran", at("04:00"))).isEqualTo(1);
    }

    @Test
    void aSpikeIsEmittedOncePerKeyAndWindowWithItsBaselineAndSamples() {
        // A burst in the first windows a task counts is not judged: there is no baseline yet.
        for (int i = 0; i < 6; i++) {
            send("#drones", at("01:0" + i));
        }
        for (String hour : List.of("01", "02", "03", "04")) {
            send("#sanctions @person:x", at(hour + ":30"));
        }
        assertThat(spikes.readRecordsToList()).isEmpty();

        // Baseline of 05:00 is 1, 1, 1: the spread is 1, so the 4th article (score 3) makes the spike.
        for (int i = 0; i < 6; i++) {
            send("#sanctions @person:x", at("05:1" + i));
        }
        List<TrendSpike> emitted = spikes.readValuesToList();
        assertThat(emitted).extracting(TrendSpike::getKey).containsExactlyInAnyOrder("topic:sanctions", "entity:person:x");
        TrendSpike topic = emitted.stream().filter(s -> s.getKind() == TrendKind.TOPIC).findFirst().orElseThrow();
        assertThat(topic.getId()).isEqualTo("sanctions");
        assertThat(topic.getWindowStart()).isEqualTo(at("05:00"));
        assertThat(topic.getWindowEnd()).isEqualTo(at("06:00"));
        assertThat(topic.getCount()).isEqualTo(4);
        assertThat(topic.getBaselineMean()).isEqualTo(1.0);
        assertThat(topic.getBaselineStddev()).isEqualTo(0.0);
        assertThat(topic.getBaselineWindows()).isEqualTo(3);
        assertThat(topic.getScore()).isEqualTo(3.0);
        assertThat(topic.getSampleArticleIds()).hasSize(4).first().isEqualTo("a" + (sent - 2));
        assertThat(count("topic:sanctions", at("05:00"))).as("the window kept counting").isEqualTo(6);

        // The same window again, out of order: no second spike.
        send("#sanctions @person:x", at("05:59"));
        assertThat(spikes.readRecordsToList()).isEmpty();
    }

    @Test
    void topEntitiesOfATopicAreRankedWithinTheWindow() {
        send("#syria @country:sy @person:a", at("08:01"));
        send("#syria @country:sy @person:b", at("08:02"));
        send("#syria @country:sy @person:b", at("08:03"));
        send("#syria @person:c", at("07:59"));
        send("#iran @person:c @person:d", at("08:04"));

        ReadOnlyWindowStore<String, Long> pairs = driver.getWindowStore(Topics.TrendTopics.TOPIC_ENTITIES_STORE);
        assertThat(TrendQueries.topEntities(pairs, "syria", at("08:00"), 2)).containsExactly(
                new TrendQueries.EntityCount("country:sy", 3), new TrendQueries.EntityCount("person:b", 2));
        assertThat(TrendQueries.topEntities(pairs, "syria", at("08:00"), 10)).extracting(TrendQueries.EntityCount::entityId)
                .containsExactly("country:sy", "person:b", "person:a");
        assertThat(TrendQueries.series(counts(), "topic:syria", at("07:00"), at("08:00"), HOUR))
                .extracting(TrendQueries.Point::count).containsExactly(1L, 3L);
    }
}
