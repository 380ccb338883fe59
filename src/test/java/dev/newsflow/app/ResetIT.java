package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.cli.NewsflowCli;
import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.kafka.SharedKafka;
import dev.newsflow.kafka.TopicSpec;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.schema.EnrichedArticle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow reset} on a real broker: process, stop, reset, restart, and the input is processed again. */
@ExtendWith(SharedKafka.class)
class ResetIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    /** Runs {@code newsflow reset} for the fixture's application; returns the exit code and what it printed. */
    private record Run(int exitCode, String out, String err) {
    }

    private Run reset(PipelineFixture fixture, String... extra) {
        List<String> args = new ArrayList<>(List.of("reset", "--bootstrap-servers", fixture.config.bootstrapServers(),
                "--application-id", fixture.config.applicationId(), "--input-topics", fixture.rawTopic(),
                "--output-topic", fixture.config.outputTopic(), "--error-topic", fixture.config.errorTopic(),
                "--state-dir", stateDir.toString()));
        Collections.addAll(args, extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = NewsflowCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static void send(PipelineFixture fixture, Producer<byte[], byte[]> producer, List<String> ids) {
        ids.forEach(id -> fixture.send(producer, id, fixture.serialize(PipelineFixture.article(id))));
        producer.flush();
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    /** Offsets the group committed on the raw input (the story stage's repartition topics have their own). */
    private long committedTotal(KafkaTestClients clients, String group, String input) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = clients.admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(input))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    @Test
    void afterAResetEveryArticleIsProcessedAgainAndInternalTopicsAndStateAreGone(KafkaTestClients clients) throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, SharedRegistry.url(), stateDir);
        String app = fixture.config.applicationId();
        List<String> articles = ids("a-", 8);
        Producer<byte[], byte[]> producer = fixture.rawProducer();
        try (NewsflowApplication first = NewsflowApplication.start(fixture.config, LanguageOnlyEnricher::new)) {
            assertThat(first.awaitRunning(TIMEOUT)).isTrue();
            send(fixture, producer, articles);
            fixture.enriched(articles.size(), TIMEOUT);

            Run refused = reset(fixture);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("still has 1 running instance").contains("Stop every instance");
        }
        // One more changelog as an older topology might have left, next to a topic that merely shares the prefix.
        String changelog = clients.createTopic(TopicSpec.of(app + "-story-store-changelog", 2, (short) 1));
        String notInternal = clients.createTopic(TopicSpec.of(app + "-notes", 1, (short) 1));
        // A store directory of that older topology, next to the story stage's own.
        Path localState = stateDir.resolve(app);
        Files.createDirectories(localState.resolve("0_0/rocksdb/story-store"));
        Files.writeString(localState.resolve("0_0/.checkpoint"), "0\n");
        assertThat(committedTotal(clients, app, fixture.rawTopic())).isEqualTo(articles.size());

        Run dryRun = reset(fixture, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).containsPattern("delete internal topics: .*" + changelog.replace(".", "\\."))
                .contains(app + "-story-index-changelog").contains("dry run: nothing changed")
                .contains("keep output topics").contains(fixture.rawTopic() + "-0: ");
        assertThat(committedTotal(clients, app, fixture.rawTopic())).isEqualTo(articles.size());
        assertThat(clients.admin().listTopics().names().get()).contains(changelog);
        assertThat(localState).exists();

        Run run = reset(fixture);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(committedTotal(clients, app, fixture.rawTopic())).isZero();
        Set<String> topics = clients.admin().listTopics().names().get();
        assertThat(topics).doesNotContain(changelog).contains(notInternal, fixture.config.outputTopic(), fixture.config.errorTopic());
        assertThat(localState).doesNotExist();

        try (NewsflowApplication second = NewsflowApplication.start(fixture.config, LanguageOnlyEnricher::new)) {
            assertThat(second.awaitRunning(TIMEOUT)).isTrue();
            List<ConsumerRecord<String, EnrichedArticle>> enriched = fixture.enriched(2 * articles.size(), TIMEOUT);
            List<String> keys = enriched.stream().map(ConsumerRecord::key).toList();
            // The output was kept: every article appears once from the first run and once from the second.
            articles.forEach(id -> assertThat(keys).filteredOn(id::equals).hasSize(2));
        }
    }

    @Test
    void toDatetimeReprocessesOnlyNewerArticlesAndDeleteOutputTopicsStartsTheOutputAfresh(KafkaTestClients clients) throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, SharedRegistry.url(), stateDir);
        Producer<byte[], byte[]> producer = fixture.rawProducer();
        List<String> older = ids("old-", 4);
        List<String> newer = ids("new-", 5);
        try (NewsflowApplication first = NewsflowApplication.start(fixture.config, LanguageOnlyEnricher::new)) {
            assertThat(first.awaitRunning(TIMEOUT)).isTrue();
            send(fixture, producer, older);
            Thread.sleep(50);
            Instant between = Instant.now();
            Thread.sleep(50);
            send(fixture, producer, newer);
            fixture.enriched(older.size() + newer.size(), TIMEOUT);

            Run run = resetAfterStop(first, fixture, "--to-datetime", between.toString(), "--delete-output-topics");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("delete output topics: ");
        }

        try (NewsflowApplication second = NewsflowApplication.start(fixture.config, LanguageOnlyEnricher::new)) {
            assertThat(second.awaitRunning(TIMEOUT)).isTrue();
            assertThat(fixture.enriched(newer.size(), TIMEOUT)).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrderElementsOf(newer);
        }
        assertThat(clients.readToEnd(fixture.config.outputTopic(), TIMEOUT)).hasSize(newer.size());
    }

    private Run resetAfterStop(NewsflowApplication app, PipelineFixture fixture, String... extra) {
        app.close();
        return reset(fixture, extra);
    }
}
