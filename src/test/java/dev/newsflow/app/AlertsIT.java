package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.kafka.SharedKafka;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.schema.Alert;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watchlist alerts on a real broker: subscriptions published while newsflow runs take effect, copies of a story
 * arriving on different partitions raise one alert, and that alert waits for, and counts, a second source. With two
 * instances, either one answers any subscription's recent alerts, forwarding to the owner, exactly as the alerts
 * topic has them.
 */
@ExtendWith(SharedKafka.class)
class AlertsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static final NewsEnricher.Shared MODELS = NewsEnricher.Shared.of(
            KnowledgeBase.of("kb-it", "{\"id\":\"country:ir\",\"type\":\"COUNTRY\",\"name\":\"Iran\",\"countryCode\":\"IR\"}"),
            null, Taxonomy.parse("version: rules-it\ntopics:\n  - {id: sanctions, label: Sanctions, terms: [sanction]}\n"
                    + "  - {id: drones, label: Drones, terms: [drone]}\n"));
    private static final String DRONE_BODY = "A drone struck a fuel depot near the northern border overnight, officials "
            + "said on Tuesday. Nobody was hurt in the attack, but the depot burned for several hours before fire crews "
            + "from two nearby towns could reach it and put out the flames.\n\nThe regional governor said the depot "
            + "would be rebuilt and that supplies to the area would not be interrupted.";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static RawArticle article(String id, String source, String title, String body) {
        return RawArticle.newBuilder().setId(id).setUrl("https://" + source.toLowerCase().replace(' ', '-')
                        + ".example/" + id).setSource(new Source(source, null)).setTitle(title).setBody(body)
                .setFetchedAt(Instant.now()).build();
    }

    @Test
    void aSubscriptionAddedWhileRunningAlertsOncePerStoryAfterASecondSource(KafkaTestClients clients) throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, SharedRegistry.url(), dir.resolve("state"));
        Producer<byte[], byte[]> producer = fixture.rawProducer();
        Path watchlist = Files.writeString(dir.resolve("watchlist.jsonl"), String.join("\n",
                "{\"id\":\"drones\",\"owner\":\"desk\",\"topics\":{\"any\":[\"drones\"]},\"minSources\":2}",
                "{\"id\":\"canary\",\"owner\":\"desk\",\"topics\":{\"any\":[\"sanctions\"]}}"));
        try (NewsflowApplication app = NewsflowApplication.start(fixture.config, new LiveModels(MODELS));
             Consumer<String, Alert> alerts = alertConsumer(fixture)) {
            assertThat(app.awaitRunning(TIMEOUT)).isTrue();
            assertThat(fixture.subscriptionsCli("publish", "--subscriptions-topic", fixture.config.subscriptionsTopic(),
                    watchlist.toString())).contains("published 2 subscriptions");
            // Subscriptions apply in the order published: once the canary alerts, "drones" is in force too.
            List<Alert> received = new ArrayList<>(awaitCanary(fixture, producer, alerts));

            send(fixture, producer, 0, article("d-1", "Wire", "Drone hits fuel depot", DRONE_BODY));
            send(fixture, producer, 1, article("d-2", "Wire", "Drone hits fuel depot", DRONE_BODY));
            send(fixture, producer, 0, article("d-3", "Daily Paper", "Depot ablaze after drone attack", DRONE_BODY));
            send(fixture, producer, 1, article("d-4", "Third Paper", "Drone hits fuel depot", DRONE_BODY));
            List<EnrichedArticle> copies = awaitEnriched(fixture, Set.of("d-1", "d-2", "d-3", "d-4"));
            // The alert path has one more repartition than the enriched output: give it a few commit intervals.
            received.addAll(poll(alerts, Duration.ofSeconds(3)));

            Set<String> stories = copies.stream().map(a -> a.getStory().getStoryId()).collect(Collectors.toSet());
            assertThat(stories).hasSize(1);
            List<Alert> drones = received.stream().filter(a -> a.getSubscriptionId().equals("drones")).toList();
            assertThat(drones).hasSize(1);
            Alert alert = drones.get(0);
            assertThat(alert.getStoryId()).isEqualTo(stories.iterator().next());
            assertThat(alert.getSourcesCount()).isEqualTo(2);
            assertThat(alert.getSources()).hasSize(2).doesNotHaveDuplicates();
            assertThat(alert.getCorroboratingArticleIds()).contains(alert.getArticleId());
            assertThat(fixture.subscriptionsCli("list", "--application-id", fixture.config.applicationId()))
                    .contains("2 subscriptions in force").contains("minSources=2");
        }
    }

    @Test
    void eitherOfTwoInstancesAnswersEverySubscriptionsRecentAlerts(KafkaTestClients clients) throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, SharedRegistry.url(), dir.resolve("state-a"));
        int portA = freePort();
        int portB = freePort();
        NewsflowConfig configA = fixture.config.toBuilder().httpPort(portA).build();
        NewsflowConfig configB = fixture.config.toBuilder().httpPort(portB).stateDir(dir.resolve("state-b")).build();
        // Six subscriptions to one topic: their alert histories are spread over the partitions of both instances.
        List<String> ids = List.of("watch-0", "watch-1", "watch-2", "watch-3", "watch-4", "watch-5");
        Path watchlist = Files.writeString(dir.resolve("watchlist.jsonl"), ids.stream()
                .map(id -> "{\"id\":\"" + id + "\",\"owner\":\"desk\",\"topics\":{\"any\":[\"sanctions\"]}}")
                .collect(Collectors.joining("\n")));
        Producer<byte[], byte[]> producer = fixture.rawProducer();
        try (NewsflowApplication a = NewsflowApplication.start(configA, new LiveModels(MODELS));
             NewsflowApplication b = NewsflowApplication.start(configB, new LiveModels(MODELS));
             Consumer<String, Alert> alerts = alertConsumer(fixture)) {
            assertThat(a.awaitRunning(TIMEOUT)).isTrue();
            assertThat(b.awaitRunning(TIMEOUT)).isTrue();
            fixture.subscriptionsCli("publish", "--subscriptions-topic", fixture.config.subscriptionsTopic(),
                    watchlist.toString());
            // Sanctions stories, one after the other, until every subscription has alerted; then two more.
            Set<String> alerted = new HashSet<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (int i = 0; alerted.size() < ids.size(); i++) {
                assertThat(System.nanoTime()).as("every subscription alerts within " + TIMEOUT).isLessThan(deadline);
                send(fixture, producer, i % 2, article("story-" + i, "Wire", "New sanction number " + i,
                        "The ministers announced sanction package " + i + " against shipping firm " + i + " today."));
                poll(alerts, Duration.ofSeconds(1)).forEach(alert -> alerted.add(alert.getSubscriptionId()));
            }
            for (String id : List.of("late-1", "late-2")) {
                send(fixture, producer, 0, article(id, "Wire", "New sanction " + id,
                        "The ministers announced sanction package " + id + " against another shipping firm."));
            }
            assertAlertHistoriesMatchTheAlertsTopic(fixture, ids, portA, portB);
        }
    }

    /** Sends sanctions articles, each its own story, until the canary subscription alerts; returns what came. */
    private static List<Alert> awaitCanary(PipelineFixture fixture, Producer<byte[], byte[]> producer,
                                           Consumer<String, Alert> alerts) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<Alert> received = new ArrayList<>();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            send(fixture, producer, 0, article("probe-" + i, "Wire", "New sanction number " + i,
                    "The ministers announced sanction package " + i + " against shipping firm " + i + " today."));
            received.addAll(poll(alerts, Duration.ofSeconds(1)));
            if (received.stream().anyMatch(a -> a.getSubscriptionId().equals("canary"))) {
                return received;
            }
        }
        throw new AssertionError("the canary subscription never alerted within " + TIMEOUT);
    }

    /** Reads the enriched topic until every one of {@code ids} came out. */
    private static List<EnrichedArticle> awaitEnriched(PipelineFixture fixture, Set<String> ids) {
        List<EnrichedArticle> found = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Consumer<String, EnrichedArticle> output = fixture.enrichedConsumer(fixture.config.outputTopic())) {
            while (found.size() < ids.size()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + found.size() + " of " + ids + " came out within " + TIMEOUT);
                }
                output.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (ids.contains(record.key())) {
                        found.add(record.value());
                    }
                });
            }
        }
        return found;
    }

    private static void send(PipelineFixture fixture, Producer<byte[], byte[]> producer, int partition, RawArticle article) {
        producer.send(new ProducerRecord<>(fixture.rawTopic(), partition, article.getId().getBytes(),
                fixture.serialize(article)));
        producer.flush();
    }

    private static Consumer<String, Alert> alertConsumer(PipelineFixture fixture) {
        Consumer<String, Alert> consumer = fixture.clients.consumer(new StringDeserializer(),
                AvroSerde.specific(Alert.class, fixture.registry, ClientProperties.serde(fixture.config), false)
                        .deserializer(), Map.of());
        consumer.subscribe(List.of(fixture.config.alertsTopic()));
        return consumer;
    }

    private static List<Alert> poll(Consumer<String, Alert> consumer, Duration duration) {
        List<Alert> alerts = new ArrayList<>();
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                assertThat(record.key()).isEqualTo(record.value().getSubscriptionId());
                alerts.add(record.value());
            });
        }
        return alerts;
    }

    /**
     * Asks both instances for every subscription's alert history until they agree with each other and with the alerts
     * topic: the same alerts (newest first), whichever instance owns the subscription.
     */
    private void assertAlertHistoriesMatchTheAlertsTopic(PipelineFixture fixture, List<String> subscriptions, int portA,
                                                         int portB) throws Exception {
        Map<String, List<String>> fromTopic = new HashMap<>();
        Map<String, List<String>> fromApi = new HashMap<>();
        Set<String> servers = new HashSet<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            fromTopic.clear();
            for (ConsumerRecord<String, Alert> alert : fixture.clients.readToEnd(fixture.config.alertsTopic(),
                    Duration.ofSeconds(10), new StringDeserializer(), AvroSerde.specific(Alert.class, fixture.registry,
                            ClientProperties.serde(fixture.config), false).deserializer())) {
                fromTopic.computeIfAbsent(alert.key(), k -> new ArrayList<>()).add(alert.value().getArticleId());
            }
            fromTopic.values().forEach(Collections::sort);
            fromApi.clear();
            servers.clear();
            boolean agree = fromTopic.keySet().equals(Set.copyOf(subscriptions));
            for (int i = 0; i < subscriptions.size() && agree; i++) {
                String subscription = subscriptions.get(i);
                for (int port : new int[] {portA, portB}) {
                    HttpResponse<String> response = get(port, "/api/alerts/" + subscription);
                    if (response.statusCode() != 200) {
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                        agree = false;
                        break;
                    }
                    JsonNode body = JSON.readTree(response.body());
                    servers.add(body.get("servedBy").asText());
                    List<String> articles = new ArrayList<>();
                    long newer = Long.MAX_VALUE;
                    for (JsonNode alert : body.get("alerts")) {
                        assertThat(alert.get("subscriptionId").asText()).isEqualTo(subscription);
                        assertThat(alert.get("alertedAt").asLong()).as("newest first").isLessThanOrEqualTo(newer);
                        newer = alert.get("alertedAt").asLong();
                        articles.add(alert.get("articleId").asText());
                    }
                    Collections.sort(articles);
                    List<String> previous = fromApi.putIfAbsent(subscription, articles);
                    agree &= (previous == null || previous.equals(articles)) && articles.equals(fromTopic.get(subscription));
                }
            }
            if (agree && servers.size() == 2) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(fromApi).as("alert histories (served by %s) against the alerts topic", servers).isEqualTo(fromTopic);
        assertThat(servers).as("alert histories served by both instances").hasSize(2);
    }

    private HttpResponse<String> get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
