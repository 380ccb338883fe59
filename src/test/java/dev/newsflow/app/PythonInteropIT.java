package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.kafka.SharedKafka;
import dev.newsflow.registry.ApicurioRegistry;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with Confluent's own client: a Python crawler produces RawArticles with AvroProducer and a
 * Python alerting consumer reads EnrichedArticles with AvroConsumer, against the real Apicurio registry and
 * against local mode's embedded one. Needs Debian's python3 with python3-confluent-kafka and python3-avro
 * (.ci/run installs them).
 */
@ExtendWith(SharedKafka.class)
class PythonInteropIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPTS = Path.of("src/test/python");
    private static EmbeddedSchemaRegistry embedded;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void checkPythonAndStartRegistry() throws Exception {
        assertThat(PYTHON).as("Debian's python3 (apt-get install python3-confluent-kafka python3-avro python3-requests)").exists();
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import confluent_kafka.avro, avro, requests")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as("Confluent's Python client is missing: apt-get install python3-confluent-kafka python3-requests "
                + "python3-avro\n" + output).isZero();
        embedded = EmbeddedSchemaRegistry.start(0, null);
    }

    @AfterAll
    static void stopRegistry() {
        embedded.close();
    }

    @Test
    void confluentsPythonClientsTalkToNewsflowThroughTheRealApicurioRegistry(KafkaTestClients clients) throws Exception {
        roundTrip(clients, ApicurioRegistry.shared().url(), "apicurio");
    }

    @Test
    void confluentsPythonClientsTalkToNewsflowThroughTheEmbeddedRegistry(KafkaTestClients clients) throws Exception {
        roundTrip(clients, embedded.url(), "embedded");
    }

    private void roundTrip(KafkaTestClients clients, String registryUrl, String prefix) throws Exception {
        // Python's legacy AvroConsumer decodes keys with Avro too, so newsflow writes Avro-string keys here.
        PipelineFixture fixture = new PipelineFixture(clients, registryUrl, stateDir, NewsflowConfig.KeyFormat.AVRO);
        int count = 5;
        try (NewsflowApplication app = NewsflowApplication.start(fixture.config, LanguageOnlyEnricher::new)) {
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();

            String crawler = run("crawler.py", "--bootstrap-servers", clients.bootstrapServers(),
                    "--schema-registry-url", registryUrl, "--topic", fixture.rawTopic(),
                    "--schema", "schemas/RawArticle.avsc", "--count", Integer.toString(count), "--id-prefix", prefix);
            assertThat(crawler).contains("produced " + count);

            String ids = IntStream.range(0, count).mapToObj(i -> String.format("%s-%03d", prefix, i))
                    .collect(Collectors.joining(","));
            String consumer = run("alert_consumer.py", "--bootstrap-servers", clients.bootstrapServers(),
                    "--schema-registry-url", registryUrl, "--topic", fixture.config.outputTopic(),
                    "--expect-ids", ids, "--timeout", "90");
            assertThat(consumer).contains("received " + count).contains("got " + prefix + "-000 en ");
        }
    }

    private static String run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("python-" + script, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished && process.exitValue() == 0).as(script + " failed:\n" + output).isTrue();
        return output;
    }
}
