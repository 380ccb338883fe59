package dev.newsflow.topology;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.TopicTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The trend stage, fed by articles that have their story: counts per topic and per entity in tumbling event-time
 * windows, each entity's count within each topic, and spikes against a rolling baseline to {@code news.trends}.
 *
 * <p>What is counted: articles, except exact duplicates (the same URL or text again is a re-send, not more coverage).
 * Near copies count: another outlet running a wire story is the coverage a trend measures. Each article counts once
 * per topic it carries and once per entity among its {@value #MAX_ENTITIES} most salient, which bounds the fan-out of
 * very long articles. Event time is the published time, else the fetched time ({@link TrendEventTime}); articles
 * later than the window plus {@code --trend-grace} are dropped by Kafka Streams and counted in its
 * {@code dropped-records} task metric (not logged one by one, see logback.xml).
 *
 * <p>Top entities per topic: each (topic, entity) pair is counted in its own window store entry, repartitioned by the
 * topic alone ({@link TrendPairPartitioner}), so one task holds every entity count of a topic and a query reads them
 * with one key-range scan and ranks them. A store of whole per-topic maps would rewrite the map on every article; a
 * top-N kept while counting cannot be exact, since any entity can still overtake.
 */
public final class TrendTopology {

    /** Most salient entities per article that are counted. */
    static final int MAX_ENTITIES = 50;

    private TrendTopology() {
    }

    /** How long the windowed stores keep a window: the baseline, the current window and its grace. */
    public static Duration retention(NewsflowConfig config) {
        return config.trendWindow().multipliedBy(config.trendBaselineWindows() + 1L).plus(config.trendGrace());
    }

    /** Adds the trend stage, reading {@code articles} (key: article id, with their story). */
    static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> articles, NewsflowConfig config,
                      Topics topics) {
        Topics.TrendTopics trends = topics.trends();
        Duration window = config.trendWindow();
        TimeWindows windows = TimeWindows.ofSizeAndGrace(window, config.trendGrace());
        Duration retention = retention(config);
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(Topics.TrendTopics.SPIKES_STORE, window.plus(config.trendGrace()), window,
                        false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Topics.TrendTopics.EPOCH_STORE), Serdes.String(), Serdes.Long()));

        KStream<String, EnrichedArticle> stamped = articles
                .filter((id, article) -> !article.getStory().getDuplicate(), Named.as("trend-skip-exact-duplicates"))
                .processValues(TrendEventTime::new, Named.as("trend-event-time"));

        stamped.flatMap((id, article) -> hits(article), Named.as("trend-hits"))
                .repartition(Repartitioned.<String, TrendHit>as(Topics.TrendTopics.KEYS)
                        .withKeySerde(Topics.TrendTopics.trendKeySerde()).withValueSerde(Topics.TrendTopics.hitSerde())
                        .withNumberOfPartitions(config.partitions()))
                .groupByKey(Grouped.with(Topics.TrendTopics.trendKeySerde(), Topics.TrendTopics.hitSerde()))
                .windowedBy(windows)
                .aggregate(TrendBucket::empty, (key, hit, bucket) -> bucket.add(hit), Named.as("trend-count"),
                        Materialized.<String, TrendBucket, WindowStore<Bytes, byte[]>>as(Topics.TrendTopics.COUNTS_STORE)
                                .withKeySerde(Topics.TrendTopics.trendKeySerde())
                                .withValueSerde(Topics.TrendTopics.bucketSerde())
                                .withRetention(retention)
                                // Every update reaches the detector, so a spike is seen at the article that makes it.
                                .withCachingDisabled())
                .toStream(Named.as("trend-count-updates"))
                .process(() -> new SpikeDetector(new SpikeRule(config.trendBaselineWindows(), config.trendMinCount(),
                                config.trendSpikeThreshold()), window), Named.as("trend-spike-detect"),
                        Topics.TrendTopics.COUNTS_STORE, Topics.TrendTopics.SPIKES_STORE, Topics.TrendTopics.EPOCH_STORE)
                .to(trends.spikes(), Produced.with(trends.keySerde(), trends.spikeSerde()).withName("trend-spikes"));

        stamped.flatMap((id, article) -> pairs(article), Named.as("trend-topic-entity-pairs"))
                .repartition(Repartitioned.<String, String>as(Topics.TrendTopics.PAIRS)
                        .withKeySerde(Topics.TrendTopics.trendKeySerde()).withValueSerde(Serdes.String())
                        .withStreamPartitioner(new TrendPairPartitioner<>())
                        .withNumberOfPartitions(config.partitions()))
                .groupByKey(Grouped.with(Topics.TrendTopics.trendKeySerde(), Serdes.String()))
                .windowedBy(windows)
                .count(Named.as("trend-topic-entity-count"),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(Topics.TrendTopics.TOPIC_ENTITIES_STORE)
                                .withKeySerde(Topics.TrendTopics.trendKeySerde())
                                .withValueSerde(Serdes.Long())
                                .withRetention(retention));
    }

    /** One hit per topic the article carries and per counted entity. */
    static List<KeyValue<String, TrendHit>> hits(EnrichedArticle article) {
        TrendHit hit = new TrendHit(article.getId(), article.getStory().getStoryId());
        List<KeyValue<String, TrendHit>> hits = new ArrayList<>();
        topicIds(article).forEach(topic -> hits.add(KeyValue.pair(TrendKey.topic(topic), hit)));
        entityIds(article).forEach(entity -> hits.add(KeyValue.pair(TrendKey.entity(entity), hit)));
        return hits;
    }

    /** One record per topic and counted entity of the article (value: the article id). */
    static List<KeyValue<String, String>> pairs(EnrichedArticle article) {
        List<KeyValue<String, String>> pairs = new ArrayList<>();
        Set<String> entities = entityIds(article);
        for (String topic : topicIds(article)) {
            entities.forEach(entity -> pairs.add(KeyValue.pair(TrendKey.pair(topic, entity), article.getId())));
        }
        return pairs;
    }

    private static Set<String> topicIds(EnrichedArticle article) {
        Set<String> ids = new LinkedHashSet<>();
        for (TopicTag tag : article.getTopics()) {
            ids.add(tag.getId());
        }
        return ids;
    }

    /** The most salient entities first, as the mapper orders them; an id counts once however often it is listed. */
    private static Set<String> entityIds(EnrichedArticle article) {
        Set<String> ids = new LinkedHashSet<>();
        for (Entity entity : article.getEntities()) {
            if (ids.size() == MAX_ENTITIES) {
                break;
            }
            ids.add(entity.getId());
        }
        return ids;
    }
}
