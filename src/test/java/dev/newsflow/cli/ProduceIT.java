package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.kafka.FreePorts;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.kafka.SharedKafka;
import dev.newsflow.registry.SharedRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow produce} against the embedded broker and registry, through picocli as a user runs it. */
@ExtendWith(SharedKafka.class)
class ProduceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static CliMannersTest.Result produce(KafkaTestClients clients, String topic, String... args) {
        String[] all = new String[args.length + 7];
        System.arraycopy(new String[] {"produce", "--bootstrap-servers", clients.bootstrapServers(),
                "--schema-registry-url", SharedRegistry.url(), "--topic", topic}, 0, all, 0, 7);
        System.arraycopy(args, 0, all, 7, args.length);
        return CliMannersTest.run(all);
    }

    @Test
    void theSamplesAreSentWithAProgressLineAndASummary(KafkaTestClients clients) {
        String topic = clients.createTopic("raw", 1);

        CliMannersTest.Result result = produce(clients, topic, "--samples", "--limit", "5");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("sent 5 article(s) to " + topic + "; 0 line(s) or file(s) rejected; 0 send failure(s)");
        assertThat(result.err()).containsPattern("produce: 5/5 articles \\(100.0%\\), [0-9,]+/s, 0:0[0-9] elapsed");
        assertThat(clients.consume(topic, 5, TIMEOUT)).hasSize(5);
    }

    @Test
    void loopSendsRoundAfterRoundWithFreshIds(KafkaTestClients clients) {
        String topic = clients.createTopic("raw", 1);

        CliMannersTest.Result result = produce(clients, topic, "--samples", "--loop", "--limit", "40", "--no-progress");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("produce:");
        List<String> keys = clients.consume(topic, 40, TIMEOUT).stream().map(ConsumerRecord::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys).anySatisfy(k -> assertThat(k).endsWith("-r2")).anySatisfy(k -> assertThat(k).endsWith("-r3"));
    }

    @Test
    void aFileIsReadOnlyUpToTheLimitAndARejectedLineMeansExitCode1(KafkaTestClients clients, @TempDir Path dir) throws Exception {
        String topic = clients.createTopic("raw", 1);
        List<String> samples;
        try (var in = ProduceIT.class.getResourceAsStream("/samples/articles.jsonl")) {
            samples = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(3).toList();
        }
        Path file = Files.write(dir.resolve("a.jsonl"), List.of(samples.get(0), samples.get(1), "{not json", samples.get(2)));

        CliMannersTest.Result limited = produce(clients, topic, "--limit", "2", file.toString());
        assertThat(limited.code()).as(limited.err()).isZero();
        assertThat(limited.err()).doesNotContain("rejected");

        CliMannersTest.Result all = produce(clients, topic, file.toString());
        assertThat(all.code()).isEqualTo(1);
        assertThat(all.err()).contains(file + ":3: rejected");
        assertThat(all.out()).contains("sent 3 article(s)").contains("1 line(s) or file(s) rejected");
    }

    @Test
    void anUnreachableRegistryFailsWith1NamingTheFlag(KafkaTestClients clients) {
        String topic = clients.createTopic("raw", 1);
        String[] args = {"produce", "--bootstrap-servers", clients.bootstrapServers(), "--schema-registry-url",
                "http://127.0.0.1:" + FreePorts.pick(), "--topic", topic, "--samples", "--limit", "1"};

        CliMannersTest.Result result = CliMannersTest.run(args);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("the schema registry did not answer").contains("--schema-registry-url");
    }
}
