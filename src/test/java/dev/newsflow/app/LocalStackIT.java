package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.cli.NewsflowCli;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.NewsEnricher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Local mode end to end: embedded broker and registry, samples flowing, the CLI's produce and tail, a restart. */
class LocalStackIT {

    @TempDir
    Path dataDir;

    @Test
    void samplesFlowAndProduceAndTailWorkAndTheDataSurvivesARestart() throws Exception {
        NewsflowConfig base = NewsflowConfig.defaults().toBuilder().partitions(1).httpPort(0).build();
        int samples = LocalStack.loadSamples().size();
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        LocalStack.Options options = new LocalStack.Options(dataDir, 0, 0, Duration.ofMillis(20));
        String bootstrap;
        String registryUrl;
        try (LocalStack stack = LocalStack.start(options, base, new LiveModels(KNOWLEDGE),
                new PrintStream(shown, true, StandardCharsets.UTF_8))) {
            bootstrap = stack.config().bootstrapServers();
            registryUrl = stack.config().schemaRegistryUrl();
            awaitOutput(shown, "fed " + samples + " sample articles", Duration.ofSeconds(60));
            awaitCount(shown, "\n+ ", samples, Duration.ofSeconds(60));
            assertThat(stack.firstEnrichedAt()).isNotNull();

            Path file = Files.writeString(dataDir.resolve("mine.jsonl"),
                    "{\"id\":\"mine-1\",\"url\":\"https://example.org/mine-1\",\"source\":\"Me\",\"title\":\"Talks resume\","
                            + "\"body\":\"The two delegations said on Monday that the talks would resume next week.\"}\n"
                            + "{\"id\":\"broken\"\n");
            Result produce = cli("produce", "--bootstrap-servers", bootstrap, "--schema-registry-url", registryUrl,
                    file.toString());
            assertThat(produce.exitCode).isEqualTo(1);
            assertThat(produce.out).contains("sent 1 article(s)");
            assertThat(produce.err).contains("mine.jsonl:2: rejected: not valid JSON");
            awaitOutput(shown, "id mine-1", Duration.ofSeconds(30));
        }
        String firstRun = shown.toString(StandardCharsets.UTF_8);
        assertThat(firstRun).contains("first enriched article after").contains("sample-001").doesNotContain("x dead letter");
        assertThat(firstRun).contains("Iran (country").contains("Kharkiv (city");

        // A second start on the same directory keeps the topics, the registry's ids and the enriched records.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(dataDir, 0, 0, null), base,
                new LiveModels(KNOWLEDGE), new PrintStream(again, true, StandardCharsets.UTF_8))) {
            Result tail = cli("tail", "--bootstrap-servers", stack.config().bootstrapServers(),
                    "--schema-registry-url", stack.config().schemaRegistryUrl(), "--from-beginning", "--format", "table",
                    "--max", Integer.toString(samples + 1), "--idle-timeout", "PT20S");
            assertThat(tail.exitCode).isZero();
            assertThat(tail.out.lines().filter(line -> line.startsWith("sample-") || line.startsWith("mine-1")).count())
                    .isEqualTo(samples + 1);
        }
    }

    private static final NewsEnricher.Shared KNOWLEDGE = NewsEnricher.Shared.loadDefault();

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = NewsflowCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void awaitOutput(ByteArrayOutputStream out, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!out.toString(StandardCharsets.UTF_8).contains(text)) {
            assertThat(System.nanoTime()).as("waiting for '" + text + "' in:\n" + out).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitCount(ByteArrayOutputStream out, String marker, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (("\n" + out.toString(StandardCharsets.UTF_8)).split(java.util.regex.Pattern.quote(marker), -1).length - 1 < count) {
            assertThat(System.nanoTime()).as("waiting for " + count + " enriched articles in:\n" + out).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
