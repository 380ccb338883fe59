package dev.newsflow.app;

import dev.newsflow.alerts.Subscription;
import dev.newsflow.alerts.SubscriptionFormat;
import dev.newsflow.client.ArticleFiles;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.Alert;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.topology.NewsflowTopology;
import dev.newsflow.topology.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * {@code eval alerts}: replays articles, in event-time order, through the application's real topology (enrichment,
 * stories, subscriptions, alerts) in a TopologyTestDriver with an embedded registry, and tallies what the alerts
 * topic received against what matched. Deterministic and broker-free, so the figure can be reproduced anywhere.
 */
public final class AlertReplay {

    private AlertReplay() {
    }

    /** Replays the first {@code first} articles of {@code articles} with the subscriptions of {@code subscriptionsFile}. */
    public static AlertTally run(Path articles, int first, Path subscriptionsFile, Path stateDir) throws IOException {
        List<String> lines = Files.readAllLines(subscriptionsFile).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<Subscription> subscriptions = lines.stream().map(SubscriptionFormat::parse).toList();
        List<RawArticle> replay = inEventTimeOrder(articles, first);
        AlertTally tally = new AlertTally(subscriptions);
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, null)) {
            NewsflowConfig config = NewsflowConfig.defaults().toBuilder().schemaRegistryUrl(registry.url()).build();
            Topics topics = Topics.create(config, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url",
                    registry.url())));
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eval-alerts");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            LiveModels models = new LiveModels(NewsEnricher.Shared.loadDefault());
            try (TopologyTestDriver driver = new TopologyTestDriver(
                    NewsflowTopology.build(config, topics, models, Clock.systemUTC()), props)) {
                TestInputTopic<String, String> subscriptionInput = driver.createInputTopic(config.subscriptionsTopic(),
                        new StringSerializer(), new StringSerializer());
                for (int i = 0; i < lines.size(); i++) {
                    subscriptionInput.pipeInput(subscriptions.get(i).id(), lines.get(i));
                }
                TestInputTopic<byte[], byte[]> input = driver.createInputTopic(config.inputTopics().get(0),
                        new ByteArraySerializer(), new ByteArraySerializer());
                TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic(config.outputTopic(),
                        topics.keySerde().deserializer(), topics.enrichedSerde().deserializer());
                TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(config.alertsTopic(),
                        topics.keySerde().deserializer(), topics.alerts().alertSerde().deserializer());
                TestOutputTopic<String, DeadLetter> deadLetters = driver.createOutputTopic(config.errorTopic(),
                        topics.keySerde().deserializer(), topics.deadLetterSerde().deserializer());
                Map<String, TestOutputTopic<byte[], byte[]>> others = new HashMap<>();
                for (RawArticle article : replay) {
                    tally.replayed();
                    input.pipeInput(null, topics.rawSerde().serializer().serialize(config.inputTopics().get(0), article),
                            eventTime(article));
                    enriched.readRecordsToList().forEach(r -> tally.enriched(r.value(), Instant.ofEpochMilli(r.timestamp())));
                    alerts.readValuesToList().forEach(tally::alert);
                    deadLetters.readValuesToList().forEach(tally::deadLetter);
                    drainOthers(driver, config, others);
                }
            }
        }
        return tally;
    }

    private static List<RawArticle> inEventTimeOrder(Path file, int first) throws IOException {
        List<RawArticle> articles = new ArrayList<>();
        new ArticleFiles("eval", "https://eval.invalid/").read(file, first, parsed -> {
            if (parsed instanceof ArticleFiles.Article article) {
                articles.add(article.article());
            }
        });
        // A stable sort: articles of the same day keep the file's order.
        articles.sort(Comparator.comparing(AlertReplay::eventTime));
        return articles;
    }

    /** The publication time where the article has one (AllSides: the day), else when it was fetched. */
    static Instant eventTime(RawArticle article) {
        return article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt();
    }

    /**
     * The driver keeps every record produced to a topic until it is read: the per-topic streams (copies of the
     * enriched articles) would fill the heap over a long replay, so they are read and dropped.
     */
    private static void drainOthers(TopologyTestDriver driver, NewsflowConfig config,
                                    Map<String, TestOutputTopic<byte[], byte[]>> others) {
        for (String topic : driver.producedTopicNames()) {
            if (topic.equals(config.outputTopic()) || topic.equals(config.alertsTopic()) || topic.equals(config.errorTopic())) {
                continue;
            }
            others.computeIfAbsent(topic, t -> driver.createOutputTopic(t, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())).readRecordsToList();
        }
    }
}
