package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.TopicTag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rule and knowledge-base updates while the topology runs, and the per-topic streams they feed. */
class ControlTopologyTest {

    private static final String SHIPPED_RULES = """
            version: rules-1
            topics:
              - id: sanctions
                label: Sanctions
                terms: [sanction]
            """;
    private static final String DRONE_RULES = """
            version: rules-2
            topics:
              - id: sanctions
                label: Sanctions
                terms: [sanction]
              - id: drones
                label: Drones
                terms: [drone]
            """;
    private static final String SHIPPED_KB = """
            {"id":"person:ebrahim-raisi","type":"PERSON","name":"Ebrahim Raisi","aliases":["Ebrahim Raisi"],"countryCode":"IR"}
            """;
    private static final String NEW_ENTITY = """
            {"id":"org:shahed-aviation","type":"ORGANIZATION","name":"Shahed Aviation Industries","aliases":["Shahed Aviation Industries","Shahed Aviation"],"countryCode":"IR"}""";

    private final NewsflowConfig config = NewsflowConfig.defaults();
    private LiveModels models;
    private TopologyTestDriver driver;
    private Topics topics;
    private TestInputTopic<byte[], byte[]> articles;
    private TestInputTopic<String, String> rules;
    private TestInputTopic<String, String> kb;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        NewsflowConfig withRegistry = config.toBuilder().schemaRegistryUrl(SharedRegistry.url()).build();
        topics = Topics.create(withRegistry, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", SharedRegistry.url())));
        models = new LiveModels(NewsEnricher.Shared.of(KnowledgeBase.of("kb-1", SHIPPED_KB), null,
                Taxonomy.parse(SHIPPED_RULES)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "control-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(NewsflowTopology.build(withRegistry, topics, models,
                Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC)), props);
        articles = driver.createInputTopic(config.inputTopics().get(0), new ByteArraySerializer(), new ByteArraySerializer());
        rules = driver.createInputTopic(config.rulesTopic(), new StringSerializer(), new StringSerializer());
        kb = driver.createInputTopic(config.kbTopic(), new StringSerializer(), new StringSerializer());
        enriched = driver.createOutputTopic(config.outputTopic(), topics.keySerde().deserializer(), topics.enrichedSerde().deserializer());
        deadLetters = driver.createOutputTopic(config.errorTopic(), topics.keySerde().deserializer(), topics.deadLetterSerde().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private EnrichedArticle enrich(String id, String title, String body) {
        RawArticle raw = ArticleValidatorTest.valid().setId(id).setUrl("https://example.com/" + id)
                .setTitle(title).setBody(body).build();
        articles.pipeInput(null, topics.rawSerde().serializer().serialize(config.inputTopics().get(0), raw));
        return enriched.readValue();
    }

    private static List<String> topicIds(EnrichedArticle article) {
        return article.getTopics().stream().map(TopicTag::getId).toList();
    }

    @Test
    void aRuleUpdateTakesEffectWithoutARestartAndIsStamped() {
        String title = "Drone strike follows new sanction";
        String body = "A drone hit the depot. The sanction was announced on Monday.";
        EnrichedArticle before = enrich("a-1", title, body);

        rules.pipeInput("taxonomy", DRONE_RULES);
        EnrichedArticle after = enrich("a-2", title, body);

        assertThat(topicIds(before)).containsExactly("sanctions");
        assertThat(before.getProvenance().getTaxonomyVersion()).isEqualTo("rules-1");
        assertThat(topicIds(after)).containsExactlyInAnyOrder("sanctions", "drones");
        assertThat(after.getProvenance().getTaxonomyVersion()).isEqualTo("rules-2");
        TestOutputTopic<String, String> accepted = driver.createOutputTopic(topics.control().rulesAccepted(),
                new StringDeserializer(), new StringDeserializer());
        assertThat(accepted.readKeyValue().key).isEqualTo("taxonomy");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void everyTaggedArticleIsCopiedToTheStreamOfEachOfItsTopicsIncludingTopicsAddedByAnUpdate() {
        rules.pipeInput("taxonomy", DRONE_RULES);
        enrich("a-1", "Drone strike follows new sanction", "A drone hit the depot.");
        enrich("a-2", "Weather", "Sunny all week.");

        TestOutputTopic<String, EnrichedArticle> drones = driver.createOutputTopic("news.topic.drones",
                topics.keySerde().deserializer(), topics.enrichedSerde().deserializer());
        TestOutputTopic<String, EnrichedArticle> sanctions = driver.createOutputTopic("news.topic.sanctions",
                topics.keySerde().deserializer(), topics.enrichedSerde().deserializer());
        TestRecord<String, EnrichedArticle> copy = drones.readRecord();
        assertThat(copy.key()).isEqualTo("a-1");
        assertThat(new String(copy.headers().lastHeader(TopicFanOut.HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("drones");
        assertThat(drones.isEmpty()).isTrue();
        assertThat(sanctions.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("a-1");
    }

    @Test
    void anInvalidRuleUpdateIsDeadLetteredAndThePreviousRulesKeepRunning() {
        rules.pipeInput("taxonomy", DRONE_RULES);
        rules.pipeInput("taxonomy", "version: rules-3\ntopics:\n  - id: drones\n    label: Drones\n    term: [drone]\n");
        rules.pipeInput("taxonomy", "version: rules-4\ntopics: [ {id: x, label: X, terms: [y], entities: {require: [person:nobody]}} ]\n");
        rules.pipeInput("rules", DRONE_RULES);

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getErrorCode)
                .containsExactly("invalid-rules", "rules-unknown-entity", "rules-bad-key");
        assertThat(letters.get(0).getReason()).contains("term");
        assertThat(letters.get(1).getReason()).contains("person:nobody");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getStage()).isEqualTo(FailureStage.VALIDATE);
            assertThat(letter.getSourceTopic()).isEqualTo("news.rules");
        });
        assertThat(letters.get(0).getOriginalValue()).isNotNull();
        EnrichedArticle article = enrich("a-1", "Drone strike", "A drone hit the depot.");
        assertThat(article.getProvenance().getTaxonomyVersion()).isEqualTo("rules-2");
        assertThat(topicIds(article)).containsExactly("drones");
    }

    @Test
    void aTombstoneRestoresTheShippedRules() {
        rules.pipeInput("taxonomy", DRONE_RULES);
        rules.pipeInput("taxonomy", (String) null);

        EnrichedArticle article = enrich("a-1", "Drone strike", "A drone hit the depot.");

        assertThat(article.getProvenance().getTaxonomyVersion()).isEqualTo("rules-1");
        assertThat(topicIds(article)).isEmpty();
    }

    @Test
    void knowledgeBaseEntriesAreAddedRemovedAndWithdrawnWhileRunning() {
        String title = "Shahed Aviation Industries and Ebrahim Raisi";
        String body = "Shahed Aviation Industries met Ebrahim Raisi in Tehran.";

        kb.pipeInput("org:shahed-aviation", NEW_ENTITY);
        EnrichedArticle added = enrich("a-1", title, body);
        kb.pipeInput("person:ebrahim-raisi", "{\"id\":\"person:ebrahim-raisi\",\"deleted\":true}");
        EnrichedArticle removed = enrich("a-2", title, body);
        kb.pipeInput("person:ebrahim-raisi", (String) null);
        EnrichedArticle withdrawn = enrich("a-3", title, body);

        assertThat(added.getEntities()).extracting(Entity::getId)
                .containsExactlyInAnyOrder("org:shahed-aviation", "person:ebrahim-raisi");
        assertThat(added.getProvenance().getKnowledgeBaseVersion()).startsWith("kb-1+1-changes@");
        assertThat(removed.getEntities()).extracting(Entity::getId).containsExactly("org:shahed-aviation");
        assertThat(withdrawn.getEntities()).extracting(Entity::getId).contains("person:ebrahim-raisi");
    }

    @Test
    void invalidKnowledgeBaseEntriesAreDeadLetteredAndNothingChanges() {
        kb.pipeInput("org:x", "{not json");
        kb.pipeInput("org:x", "{\"id\":\"org:y\",\"type\":\"ORGANIZATION\",\"name\":\"Y\"}");
        kb.pipeInput("org:x", "{\"id\":\"org:x\",\"type\":\"SPACESHIP\",\"name\":\"X\"}");
        kb.pipeInput("org:x", "{\"id\":\"org:x\",\"type\":\"ORGANIZATION\"}");

        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getErrorCode)
                .containsExactly("invalid-kb-entry", "kb-bad-key", "invalid-kb-entry", "invalid-kb-entry");
        assertThat(enrich("a-1", "Ebrahim Raisi", "Ebrahim Raisi spoke.").getProvenance().getKnowledgeBaseVersion())
                .isEqualTo("kb-1");
    }

    @Test
    void anUpdateThatIsNotUtf8IsDeadLettered() {
        TestInputTopic<byte[], byte[]> rawRules = driver.createInputTopic(config.rulesTopic(),
                new ByteArraySerializer(), new ByteArraySerializer());

        rawRules.pipeInput("taxonomy".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28});

        assertThat(deadLetters.readValue().getErrorCode()).isEqualTo("invalid-utf8");
    }
}
