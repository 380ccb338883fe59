package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path dir;

    private static NewsflowConfig parseRun(Map<String, String> env, String... args) {
        CommandLine.ParseResult parsed = NewsflowCli.parse(env, args);
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        return run.pipeline.toConfig(run.connection);
    }

    private Path configFile(String... lines) throws IOException {
        return Files.write(dir.resolve("newsflow.properties"), List.of(lines));
    }

    @Test
    void precedenceIsFlagThenEnvironmentThenConfigFileThenDefault() throws IOException {
        Path file = configFile("bootstrap-servers=from-file:9092", "output-topic=out-from-file",
                "error-topic=dlq-from-file", "input-topics=a-from-file,b-from-file", "ner=false",
                "kafka-config=security.protocol=SSL,ssl.enabled.protocols=TLSv1.2,TLSv1.3");
        Map<String, String> env = Map.of("NEWSFLOW_OUTPUT_TOPIC", "out-from-env", "NEWSFLOW_ERROR_TOPIC", "dlq-from-env");

        CommandLine.ParseResult parsed = NewsflowCli.parse(env, "run", "--config-file", file.toString(),
                "--error-topic", "dlq-from-flag");
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        NewsflowConfig config = run.pipeline.toConfig(run.connection);

        assertThat(config.errorTopic()).isEqualTo("dlq-from-flag");
        assertThat(config.outputTopic()).isEqualTo("out-from-env");
        assertThat(config.bootstrapServers()).isEqualTo("from-file:9092");
        assertThat(config.inputTopics()).containsExactly("a-from-file", "b-from-file");
        assertThat(config.applicationId()).isEqualTo("newsflow");
        assertThat(config.clientConfig()).containsEntry("ssl.enabled.protocols", "TLSv1.2,TLSv1.3");
        assertThat(run.enrichment.ner).isFalse();
    }

    @Test
    void theConfigFileCanComeFromTheEnvironmentOrBeforeTheCommandAndKeysCanNameOneCommand() throws IOException {
        Path file = configFile("topic=shared-topic", "produce.topic=raw-for-produce", "tail.format=table");

        CommandLine.ParseResult produce = NewsflowCli.parse(Map.of("NEWSFLOW_CONFIG_FILE", file.toString()), "produce", "x.jsonl");
        CommandLine.ParseResult tail = NewsflowCli.parse(Map.of(), "--config-file", file.toString(), "tail");

        assertThat(((ProduceCommand) produce.subcommand().commandSpec().userObject()).topic).isEqualTo("raw-for-produce");
        TailCommand tailCommand = (TailCommand) tail.subcommand().commandSpec().userObject();
        assertThat(tailCommand.topic).isEqualTo("shared-topic");
        assertThat(tailCommand.format).isEqualTo(TailCommand.Format.TABLE);
    }

    @Test
    void executeRunsTheCommandWithTheConfigFilesSettings() throws IOException {
        Path conll = Files.write(dir.resolve("tiny.conll"), List.of("-DOCSTART- -X- O O", "", "Germany NNP B-NP B-LOC",
                "votes VBZ B-VP O", ". . O O", ""));
        Path file = configFile("eval.ner.sentence=true");
        StringWriter out = new StringWriter();
        CommandLine cli = NewsflowCli.commandLine(Map.of());
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("eval", "ner", "--config-file", file.toString(), conll.toString())).isZero();
        assertThat(out.toString()).contains("(sentence by sentence)");
    }

    @Test
    void anUnknownKeyOrAMissingFileIsAUsageErrorThatSaysWhatToDo() throws IOException {
        Path file = configFile("bootstrap-server=typo:9092");
        StringWriter err = new StringWriter();
        CommandLine cli = NewsflowCli.commandLine(Map.of());
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("tail", "--config-file", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown key 'bootstrap-server'").contains("long option names without dashes");

        assertThat(cli.execute("tail", "--config-file", dir.resolve("missing.properties").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read --config-file").contains("missing.properties");
    }

    @Test
    void defaultsWorkLocally() {
        NewsflowConfig config = parseRun(Map.of(), "run");

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.inputTopics()).containsExactly("news.articles.raw");
        assertThat(config.outputTopic()).isEqualTo("news.articles.enriched");
        assertThat(config.errorTopic()).isEqualTo("news.articles.dlq");
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void environmentVariablesMapOntoFlagsAndFlagsWin() {
        Map<String, String> env = Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", "kafka:29092",
                "NEWSFLOW_INPUT_TOPICS", "a,b",
                "NEWSFLOW_OUTPUT_TOPIC", "out-from-env",
                "NEWSFLOW_PARTITIONS", "6");

        NewsflowConfig config = parseRun(env, "run", "--output-topic", "out-from-flag");

        assertThat(config.bootstrapServers()).isEqualTo("kafka:29092");
        assertThat(config.inputTopics()).containsExactly("a", "b");
        assertThat(config.outputTopic()).isEqualTo("out-from-flag");
        assertThat(config.partitions()).isEqualTo(6);
    }

    @Test
    void kafkaConfigKeepsCommasInsideValues() {
        NewsflowConfig config = parseRun(Map.of("NEWSFLOW_KAFKA_CONFIG",
                        "security.protocol=SASL_SSL,ssl.enabled.protocols=TLSv1.2,TLSv1.3,basic.auth.user.info=u:p"),
                "run", "--kafka-config", "sasl.mechanism=PLAIN");

        assertThat(config.clientConfig()).containsEntry("sasl.mechanism", "PLAIN");
        NewsflowConfig fromEnv = parseRun(Map.of("NEWSFLOW_KAFKA_CONFIG",
                "security.protocol=SASL_SSL,ssl.enabled.protocols=TLSv1.2,TLSv1.3,basic.auth.user.info=u:p"), "run");
        assertThat(fromEnv.clientConfig())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.enabled.protocols", "TLSv1.2,TLSv1.3")
                .containsEntry("basic.auth.user.info", "u:p");
    }

    @Test
    void everyCommandHasHelpAndTheStreamsBootstrapFlags() {
        CommandLine cli = NewsflowCli.commandLine();
        assertThat(cli.getSubcommands().keySet()).contains("run", "local", "produce", "tail");
        for (String name : List.of("--bootstrap-servers", "--schema-registry-url", "--input-topics", "--output-topic",
                "--error-topic", "--kafka-config")) {
            assertThat(cli.getSubcommands().get("run").getCommandSpec().findOption(name)).as(name).isNotNull();
        }
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("run", "--help")).isZero();
        assertThat(out.toString()).contains("--bootstrap-servers").contains("NEWSFLOW_BOOTSTRAP_SERVERS");
    }

    @Test
    void variableNamesFollowTheLongOption() {
        assertThat(EnvironmentDefaults.variableFor("--schema-registry-url")).isEqualTo("NEWSFLOW_SCHEMA_REGISTRY_URL");
    }
}
