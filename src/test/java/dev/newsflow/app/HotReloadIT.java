package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.cli.NewsflowCli;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.kafka.SharedKafka;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.TopicTag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Rules and knowledge-base entries published while newsflow runs on a real broker: applied, refused, kept. */
@ExtendWith(SharedKafka.class)
class HotReloadIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final NewsEnricher.Shared SHIPPED = NewsEnricher.Shared.of(
            KnowledgeBase.of("kb-it", "{\"id\":\"country:ir\",\"type\":\"COUNTRY\",\"name\":\"Iran\",\"countryCode\":\"IR\"}"),
            null, Taxonomy.parse("version: rules-1\ntopics:\n  - {id: sanctions, label: Sanctions, terms: [sanction]}\n"));
    private static final String DRONE_RULES = """
            version: rules-2
            topics:
              - {id: sanctions, label: Sanctions, terms: [sanction]}
              - {id: drones, label: Drones, terms: [drone]}
            """;
    private static final String SHAHED = "{\"id\":\"org:shahed-aviation\",\"type\":\"ORGANIZATION\","
            + "\"name\":\"Shahed Aviation Industries\",\"aliases\":[\"Shahed Aviation Industries\"],\"countryCode\":\"IR\"}";

    @TempDir
    Path dir;

    @Test
    void updatesApplyWithoutARestartBadOnesAreRefusedAndARestartKeepsTheAcceptedOnes(KafkaTestClients clients) throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, SharedRegistry.url(), dir.resolve("state"));
        Producer<byte[], byte[]> producer = fixture.rawProducer();
        Path rules = Files.writeString(dir.resolve("rules.yaml"), DRONE_RULES);
        Path entities = Files.writeString(dir.resolve("kb.jsonl"), SHAHED + "\n");
        try (NewsflowApplication app = NewsflowApplication.start(fixture.config, new LiveModels(SHIPPED));
             Consumer<String, EnrichedArticle> output = fixture.enrichedConsumer(fixture.config.outputTopic())) {
            assertThat(app.awaitRunning(TIMEOUT)).isTrue();
            EnrichedArticle before = probe(fixture, producer, output, "before", a -> true);
            assertThat(before.getProvenance().getTaxonomyVersion()).isEqualTo("rules-1");
            assertThat(topicIds(before)).isEmpty();

            assertThat(cli("rules", "publish", "--rules-topic", fixture.config.rulesTopic(), rules.toString(), fixture))
                    .contains("published taxonomy rules-2");
            assertThat(cli("kb", "publish", "--kb-topic", fixture.config.kbTopic(), entities.toString(), fixture))
                    .contains("published 1 entry");
            // The command line refuses bad rules itself; a producer that skips it reaches the application's check.
            clients.send(fixture.config.rulesTopic(), "taxonomy", "version: rules-3\ntopics: not-a-list\n");

            EnrichedArticle after = probe(fixture, producer, output, "after",
                    a -> a.getProvenance().getTaxonomyVersion().equals("rules-2") && !a.getEntities().isEmpty());
            assertThat(topicIds(after)).containsExactly("drones");
            assertThat(after.getEntities()).extracting(Entity::getId).contains("org:shahed-aviation");
            assertThat(after.getProvenance().getKnowledgeBaseVersion()).startsWith("kb-it+1-changes@");

            List<ConsumerRecord<String, DeadLetter>> refused = fixture.deadLetters(1, TIMEOUT);
            assertThat(refused.get(0).value().getErrorCode()).isEqualTo("invalid-rules");
            assertThat(refused.get(0).value().getSourceTopic()).isEqualTo(fixture.config.rulesTopic());
            String droneStream = fixture.config.topicStreamPattern().replace("{topic}", "drones");
            assertThat(clients.consume(droneStream, 1, TIMEOUT).get(0).key()).startsWith("after");
        }

        // A new instance starts from the shipped models and replays what was accepted before its first article.
        try (NewsflowApplication restarted = NewsflowApplication.start(fixture.config, new LiveModels(SHIPPED));
             Consumer<String, EnrichedArticle> output = fixture.enrichedConsumer(fixture.config.outputTopic())) {
            assertThat(restarted.awaitRunning(TIMEOUT)).isTrue();
            EnrichedArticle again = probe(fixture, producer, output, "restarted", a -> true);
            assertThat(again.getProvenance().getTaxonomyVersion()).isEqualTo("rules-2");
            assertThat(again.getEntities()).extracting(Entity::getId).contains("org:shahed-aviation");
        }
    }

    /** Sends probe articles until one comes out enriched as {@code wanted}; updates apply asynchronously. */
    private static EnrichedArticle probe(PipelineFixture fixture, Producer<byte[], byte[]> producer,
                                         Consumer<String, EnrichedArticle> output, String prefix,
                                         Predicate<EnrichedArticle> wanted) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            RawArticle article = RawArticle.newBuilder(PipelineFixture.article(prefix + "-" + i))
                    .setTitle("Drone strike hits a depot run by Shahed Aviation Industries")
                    .build();
            fixture.send(producer, null, fixture.serialize(article));
            producer.flush();
            long wait = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < wait) {
                for (ConsumerRecord<String, EnrichedArticle> record : output.poll(Duration.ofMillis(100))) {
                    if (record.key().startsWith(prefix) && wanted.test(record.value())) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no '" + prefix + "' article came out as wanted within " + TIMEOUT);
    }

    private static List<String> topicIds(EnrichedArticle article) {
        return article.getTopics().stream().map(TopicTag::getId).toList();
    }

    private static String cli(String command, String action, String topicFlag, String topic, String file,
                              PipelineFixture fixture) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = NewsflowCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        int exit = commandLine.execute(command, action, "--bootstrap-servers", fixture.config.bootstrapServers(),
                topicFlag, topic, file);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }
}
