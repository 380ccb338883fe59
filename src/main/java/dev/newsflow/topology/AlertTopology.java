package dev.newsflow.topology;

import dev.newsflow.alerts.SubscriptionBook;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.schema.Alert;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Watchlist alerts. Subscriptions are a control channel like rules ({@link ControlTopology}): validated once,
 * refused ones dead-lettered, accepted ones read by every instance as a global store into a {@link SubscriptionBook}.
 * Storied articles are matched where they are ({@link AlertMatcher}); each match travels as a small sighting,
 * repartitioned by story id, to {@link AlertDecider}, which keeps per-(subscription, story) state and writes at
 * most one alert per suppression window to the alerts topic, keyed by subscription id. The alerts also travel,
 * repartitioned by subscription id, to {@link AlertHistory}, which keeps each subscription's recent alerts queryable.
 *
 * <p>Why partition the state by story and not by subscription: both are correct, since the state key holds both
 * ids and either one routes every copy of a (subscription, story) pair to one task. By story spreads the state over
 * all partitions however few subscriptions there are, and a broad subscription cannot make one partition hot.
 */
final class AlertTopology {

    /** The alert history is a window store of one-millisecond windows: each alert sits at the time it was raised. */
    private static final Duration HISTORY_SLOT = Duration.ofMillis(1);

    private AlertTopology() {
    }

    static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> storied, NewsflowConfig config,
                      Topics topics, LiveModels models, Clock clock) {
        Topics.AlertTopics alerts = topics.alerts();
        SubscriptionBook book = new SubscriptionBook();
        ControlTopology.add(builder, topics, new SubscriptionUpdates(book), alerts.subscriptions(), alerts.accepted(),
                models, config.maxRecordBytes(), clock);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Topics.AlertTopics.WATCH_STORE), Serdes.String(), alerts.watchSerde()));
        KStream<String, Alert> raised = storied.process(() -> new AlertMatcher(book), Named.as("alert-match"))
                .repartition(Repartitioned.<String, dev.newsflow.alerts.Sighting>as(Topics.AlertTopics.SIGHTINGS)
                        .withKeySerde(Serdes.String()).withValueSerde(alerts.sightingSerde())
                        .withNumberOfPartitions(config.partitions()))
                .process(() -> new AlertDecider(book, clock), Named.as("alert-decide"), Topics.AlertTopics.WATCH_STORE);
        raised.to(alerts.alerts(), Produced.with(topics.keySerde(), alerts.alertSerde()).withName("alerts"));

        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(Topics.AlertTopics.HISTORY_STORE,
                        Topics.AlertTopics.HISTORY_RETENTION, HISTORY_SLOT, true), Serdes.String(), alerts.alertSerde()));
        raised.repartition(Repartitioned.<String, Alert>as(Topics.AlertTopics.BY_SUBSCRIPTION)
                        .withKeySerde(Serdes.String()).withValueSerde(alerts.alertSerde())
                        .withNumberOfPartitions(config.partitions()))
                .process(AlertHistory::new, Named.as("alert-history"), Topics.AlertTopics.HISTORY_STORE);
    }
}
