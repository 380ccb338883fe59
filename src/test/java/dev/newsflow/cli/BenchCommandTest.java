package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.bench.BenchSettings;
import dev.newsflow.bench.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static BenchSettings parse(Map<String, String> env, String... args) {
        CommandLine cli = NewsflowCli.commandLine();
        cli.setDefaultValueProvider(new EnvironmentDefaults(env));
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return ((BenchCommand) parsed.subcommand().commandSpec().userObject()).settings();
    }

    @Test
    void defaultsStartEmbeddedKafkaAndRegistryAndMeasureEveryPipeline() {
        BenchSettings settings = parse(Map.of(), "bench");

        assertThat(settings.articles()).isEqualTo(Path.of("../shared/data/stream/allsides_articles.jsonl.gz"));
        assertThat(settings.count()).isEqualTo(20_000);
        assertThat(settings.rate()).isEqualTo(300);
        assertThat(settings.latencySeconds()).isEqualTo(30);
        assertThat(settings.streamThreads()).isEqualTo(1);
        assertThat(settings.partitions()).isEqualTo(3);
        assertThat(settings.warmup()).isPositive();
        assertThat(settings.pipelines()).containsExactly(Pipeline.PASSTHROUGH, Pipeline.HOT, Pipeline.FULL);
        assertThat(settings.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(settings.bootstrapServers()).as("embedded broker").isNull();
        assertThat(settings.schemaRegistryUrl()).as("embedded registry").isNull();
        assertThat(settings.eventTimes()).isEqualTo(BenchSettings.EventTimes.LIVE);
    }

    @Test
    void flagsAndVariablesChooseAnExistingClusterAndTheirFigures() {
        BenchSettings settings = parse(Map.of("NEWSFLOW_BOOTSTRAP_SERVERS", "kafka:29092", "NEWSFLOW_RATE", "50"),
                "bench", "--count", "500", "--stream-threads", "2", "--partitions", "4", "--phases", "HOT,full",
                "--kafka-config", "commit.interval.ms=200", "--articles", "a.jsonl", "--event-times", "archive");

        assertThat(settings.bootstrapServers()).isEqualTo("kafka:29092");
        assertThat(settings.schemaRegistryUrl()).isNull();
        assertThat(settings.rate()).isEqualTo(50);
        assertThat(settings.count()).isEqualTo(500);
        assertThat(settings.streamThreads()).isEqualTo(2);
        assertThat(settings.partitions()).isEqualTo(4);
        assertThat(settings.pipelines()).containsExactly(Pipeline.HOT, Pipeline.FULL);
        assertThat(settings.clientConfig()).containsEntry("commit.interval.ms", "200");
        assertThat(settings.articles()).isEqualTo(Path.of("a.jsonl"));
        assertThat(settings.eventTimes()).isEqualTo(BenchSettings.EventTimes.ARCHIVE);
        assertThat(parse(Map.of(), "bench", "--schema-registry-url", "http://r:8081").schemaRegistryUrl())
                .isEqualTo("http://r:8081");
    }

    @Test
    void nonsenseIsRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> parse(Map.of(), "bench", "--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> parse(Map.of(), "bench", "--phases", "passthrough,cold"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void aMissingArticlesFileSaysWhatToDo() {
        CommandLine cli = NewsflowCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int status = cli.execute("bench", "--articles", "no/such/articles.jsonl.gz");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("articles file no/such/articles.jsonl.gz not found").contains("--articles FILE");
    }
}
