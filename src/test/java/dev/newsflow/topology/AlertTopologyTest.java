package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.schema.Alert;
import dev.newsflow.schema.AlertSeverity;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.MatchedEntity;
import dev.newsflow.schema.MatchedTopic;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watchlist subscriptions and alerts in the application's topology: suppression, corroboration, conditions, refusals. */
class AlertTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String RULES = """
            version: rules-1
            topics:
              - {id: sanctions, label: Sanctions, terms: [sanction, sanctions]}
              - {id: drones, label: Drones, terms: [drone, drones]}
            """;
    private static final String KB = """
            {"id":"country:ir","type":"COUNTRY","name":"Iran","aliases":["Iran"],"countryCode":"IR"}
            """;
    private static final String SANCTIONS_BODY = "The ministers agreed new sanctions on the shipping firms on Monday. "
            + "The sanctions take effect next week, and the firms have said they will appeal against the decision in court.";
    private static final String DRONE_BODY = "A drone struck a fuel depot near the border overnight, officials said. "
            + "Nobody was hurt in the attack, but the depot burned for hours before the fire crews could reach it.";

    private final NewsflowConfig config = NewsflowConfig.defaults();
    private TopologyTestDriver driver;
    private Topics topics;
    private TestInputTopic<byte[], byte[]> articles;
    private TestInputTopic<String, String> subscriptions;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        NewsflowConfig withRegistry = config.toBuilder().schemaRegistryUrl(SharedRegistry.url()).build();
        topics = Topics.create(withRegistry, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url",
                SharedRegistry.url())));
        LiveModels models = new LiveModels(NewsEnricher.Shared.of(KnowledgeBase.of("kb-1", KB), null, Taxonomy.parse(RULES)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(NewsflowTopology.build(withRegistry, topics, models,
                Clock.fixed(NOW, ZoneOffset.UTC)), props);
        articles = driver.createInputTopic(config.inputTopics().get(0), new ByteArraySerializer(), new ByteArraySerializer());
        subscriptions = driver.createInputTopic(config.subscriptionsTopic(), new StringSerializer(), new StringSerializer());
        enriched = driver.createOutputTopic(config.outputTopic(), topics.keySerde().deserializer(),
                topics.enrichedSerde().deserializer());
        alerts = driver.createOutputTopic(config.alertsTopic(), topics.keySerde().deserializer(),
                topics.alerts().alertSerde().deserializer());
        deadLetters = driver.createOutputTopic(config.errorTopic(), topics.keySerde().deserializer(),
                topics.deadLetterSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** Pipes one article at event time {@code at} and returns it enriched. */
    private EnrichedArticle article(String id, String source, String title, String body, Instant at) {
        RawArticle raw = ArticleValidatorTest.valid().setId(id).setUrl("https://" + source.toLowerCase().replace(' ', '-')
                        + ".example/" + id).setSource(new Source(source, null)).setTitle(title).setBody(body).build();
        articles.pipeInput(null, topics.rawSerde().serializer().serialize(config.inputTopics().get(0), raw), at);
        return enriched.readValue();
    }

    private static String subscription(String id, String conditions) {
        return "{\"id\":\"" + id + "\",\"owner\":\"desk@example.org\",\"severity\":\"CRITICAL\"," + conditions + "}";
    }

    @Test
    void oneAlertPerStoryWithinTheWindowLaterCopiesAreCountedAndTheNextWindowAlertsAgain() {
        subscriptions.pipeInput("sanctions", subscription("sanctions", "\"topics\":{\"any\":[\"sanctions\"]},\"suppressFor\":\"PT24H\""));
        Instant t0 = NOW.minus(Duration.ofHours(30));

        EnrichedArticle first = article("s-1", "Wire", "New sanctions on shippers", SANCTIONS_BODY, t0);
        article("s-2", "Wire", "New sanctions on shippers", SANCTIONS_BODY, t0.plus(Duration.ofHours(1)));
        article("s-3", "Other Paper", "New sanctions on shippers", SANCTIONS_BODY, t0.plus(Duration.ofHours(2)));
        List<TestRecord<String, Alert>> firstWindow = alerts.readRecordsToList();
        EnrichedArticle late = article("s-4", "Wire", "New sanctions on shippers", SANCTIONS_BODY, t0.plus(Duration.ofHours(25)));

        assertThat(late.getStory().getStoryId()).isEqualTo(first.getId());
        assertThat(firstWindow).hasSize(1);
        TestRecord<String, Alert> alert = firstWindow.get(0);
        assertThat(alert.key()).isEqualTo("sanctions");
        assertThat(alert.value().getStoryId()).isEqualTo("s-1");
        assertThat(alert.value().getArticleId()).isEqualTo("s-1");
        assertThat(alert.value().getOwner()).isEqualTo("desk@example.org");
        assertThat(alert.value().getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.value().getMatchedTopics()).extracting(MatchedTopic::getId).containsExactly("sanctions");
        assertThat(alert.value().getSuppressUntil()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(alert.value().getAlertedAt()).isEqualTo(NOW);
        List<Alert> next = alerts.readValuesToList();
        assertThat(next).hasSize(1);
        assertThat(next.get(0).getArticleId()).isEqualTo("s-4");
        assertThat(next.get(0).getArticleCount()).isEqualTo(1);
    }

    @Test
    void everyAlertIsKeptInTheSubscriptionsHistoryNewestFirst() {
        subscriptions.pipeInput("sanctions", subscription("sanctions", "\"topics\":{\"any\":[\"sanctions\"]},\"suppressFor\":\"PT24H\""));
        subscriptions.pipeInput("drones", subscription("drones", "\"topics\":{\"any\":[\"drones\"]}"));
        Instant t0 = NOW.minus(Duration.ofHours(30));
        article("s-1", "Wire", "New sanctions on shippers", SANCTIONS_BODY, t0);
        article("s-2", "Wire", "New sanctions on shippers", SANCTIONS_BODY, t0.plus(Duration.ofHours(1)));
        article("s-4", "Wire", "New sanctions on shippers", SANCTIONS_BODY, t0.plus(Duration.ofHours(25)));
        assertThat(alerts.readValuesToList()).extracting(Alert::getArticleId).containsExactly("s-1", "s-4");

        // The clock is fixed, so both alerts were raised in the same millisecond: both must still be kept.
        WindowStore<String, Alert> history = driver.getWindowStore(Topics.AlertTopics.HISTORY_STORE);
        Instant dayAgo = NOW.minus(Duration.ofDays(1));
        assertThat(AlertQueries.recent(history, "sanctions", dayAgo, NOW, 10)).extracting(Alert::getArticleId)
                .containsExactly("s-4", "s-1");
        assertThat(AlertQueries.recent(history, "sanctions", dayAgo, NOW, 1)).extracting(Alert::getArticleId)
                .containsExactly("s-4");
        assertThat(AlertQueries.recent(history, "sanctions", NOW.plusMillis(1), NOW.plusSeconds(60), 10)).isEmpty();
        assertThat(AlertQueries.recent(history, "drones", dayAgo, NOW, 10)).isEmpty();
    }

    @Test
    void withMinSourcesTwoTheAlertWaitsForASecondSourceAndCountsThem() {
        subscriptions.pipeInput("drones", subscription("drones", "\"topics\":{\"any\":[\"drones\"]},\"minSources\":2"));
        Instant t0 = NOW.minus(Duration.ofHours(5));

        article("d-1", "Wire", "Drone strikes depot", DRONE_BODY, t0);
        article("d-2", "WIRE", "Drone strikes depot", DRONE_BODY, t0.plusSeconds(60));
        boolean quietWithOneSource = alerts.isEmpty();
        article("d-3", "Daily Paper", "Drone strikes depot", DRONE_BODY, t0.plusSeconds(120));
        article("d-4", "Third Paper", "Drone strikes depot", DRONE_BODY, t0.plusSeconds(180));

        assertThat(quietWithOneSource).isTrue();
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).hasSize(1);
        Alert alert = raised.get(0);
        assertThat(alert.getArticleId()).isEqualTo("d-3");
        assertThat(alert.getSourcesCount()).isEqualTo(2);
        assertThat(alert.getSources()).containsExactly("Wire", "Daily Paper");
        assertThat(alert.getCorroboratingArticleIds()).containsExactly("d-1", "d-2", "d-3");
        assertThat(alert.getArticleCount()).isEqualTo(3);
        assertThat(alert.getFirstSeenAt()).isEqualTo(t0);
    }

    @Test
    void corroborationMustComeWithinOneWindowOfTheFirstArticle() {
        subscriptions.pipeInput("drones", subscription("drones",
                "\"topics\":{\"any\":[\"drones\"]},\"minSources\":2,\"suppressFor\":\"PT6H\""));
        Instant t0 = NOW.minus(Duration.ofHours(20));

        article("d-1", "Wire", "Drone strikes depot", DRONE_BODY, t0);
        article("d-2", "Daily Paper", "Drone strikes depot", DRONE_BODY, t0.plus(Duration.ofHours(7)));

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void conditionsOnEntitiesSourcesLanguagesAndMinimumScoreAreAllRequired() {
        String title = "Iran objects to sanction";
        String body = "Iran objected on Monday to the sanction on its shipping firms, which it called unlawful.";
        double score = article("probe", "Wire", title, body, NOW.minusSeconds(600)).getTopics().get(0).getScore();
        assertThat(score).as("a score a higher minimum can exclude").isLessThan(1);
        String iranSanctions = "\"topics\":{\"all\":[\"sanctions\"],\"minScore\":%s},\"entities\":{\"any\":[\"country:ir\"]}";
        subscriptions.pipeInput("at-score", subscription("at-score", iranSanctions.formatted(score)));
        subscriptions.pipeInput("above-score", subscription("above-score", iranSanctions.formatted(Math.min(1, score + 0.001))));
        subscriptions.pipeInput("not-wire", subscription("not-wire", "\"topics\":{\"any\":[\"sanctions\"]},"
                + "\"sources\":{\"exclude\":[\"wire\"]}"));
        subscriptions.pipeInput("french", subscription("french", "\"topics\":{\"any\":[\"sanctions\"]},\"languages\":[\"fr\"]"));
        subscriptions.pipeInput("iran-drones", subscription("iran-drones",
                "\"topics\":{\"any\":[\"drones\"]},\"entities\":{\"all\":[\"country:ir\"]}"));

        article("s-1", "Wire", title, body, NOW.minusSeconds(300));
        article("d-1", "Wire", "Drone strikes depot", DRONE_BODY, NOW.minusSeconds(200));

        List<TestRecord<String, Alert>> raised = alerts.readRecordsToList();
        assertThat(raised).extracting(TestRecord::key).containsExactly("at-score");
        assertThat(raised.get(0).value().getMatchedEntities()).extracting(MatchedEntity::getId).containsExactly("country:ir");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aTombstoneWithdrawsTheSubscription() {
        subscriptions.pipeInput("drones", subscription("drones", "\"topics\":{\"any\":[\"drones\"]}"));
        article("d-1", "Wire", "Drone strikes depot", DRONE_BODY, NOW.minusSeconds(600));
        subscriptions.pipeInput("drones", (String) null);
        article("d-2", "Wire", "Another drone strike", DRONE_BODY.replace("fuel depot", "power station")
                .replace("border", "coast"), NOW.minusSeconds(300));

        assertThat(alerts.readValuesToList()).extracting(Alert::getArticleId).containsExactly("d-1");
    }

    @Test
    void invalidSubscriptionsAreDeadLetteredAndTheOthersKeepWorking() {
        subscriptions.pipeInput("bad-json", "{not json");
        subscriptions.pipeInput("typo", subscription("typo", "\"topic\":{\"any\":[\"drones\"]}"));
        subscriptions.pipeInput("everything", subscription("everything", "\"languages\":[\"en\"]"));
        subscriptions.pipeInput("other-id", subscription("drones", "\"topics\":{\"any\":[\"drones\"]}"));
        subscriptions.pipeInput(null, subscription("drones", "\"topics\":{\"any\":[\"drones\"]}"));
        subscriptions.pipeInput("drones", subscription("drones", "\"topics\":{\"any\":[\"drones\"]},\"minSources\":0"));
        subscriptions.pipeInput("drones", subscription("drones", "\"topics\":{\"any\":[\"drones\"]}"));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        article("d-1", "Wire", "Drone strikes depot", DRONE_BODY, NOW.minusSeconds(60));

        assertThat(letters).extracting(DeadLetter::getErrorCode).containsExactly("invalid-subscription",
                "invalid-subscription", "invalid-subscription", "subscription-bad-key", "subscription-bad-key",
                "invalid-subscription");
        assertThat(letters.get(1).getReason()).contains("'topic'");
        assertThat(letters.get(2).getReason()).contains("at least one topic or entity");
        assertThat(letters.get(5).getReason()).contains("minSources");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getStage()).isEqualTo(FailureStage.VALIDATE);
            assertThat(letter.getSourceTopic()).isEqualTo(config.subscriptionsTopic());
            assertThat(letter.getOriginalValue()).isNotNull();
        });
        assertThat(alerts.readValuesToList()).extracting(Alert::getSubscriptionId).containsExactly("drones");
    }
}
