package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    private static NewsflowConfig parseRun(Map<String, String> env, String... args) {
        CommandLine cli = NewsflowCli.commandLine();
        cli.setDefaultValueProvider(new EnvironmentDefaults(env));
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        return run.pipeline.toConfig(run.connection);
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
