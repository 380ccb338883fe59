package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.cli.NewsflowCli;
import dev.newsflow.kafka.SharedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A tiny {@code newsflow bench} end to end on the shared test broker, with its own embedded registry. */
class BenchIT {

    /** phase, in, out, dead letters, seconds, CPU cores, CPU ms/article, peak heap MiB. */
    private static final Pattern DETAIL = Pattern.compile(
            "^(\\w+ (?:throughput|latency)) +(\\d+) +(\\d+) +(\\d+) +(\\d+\\.\\d\\d) +(\\d+\\.\\d\\d) +(\\d+\\.\\d\\d) +(\\d+) MiB +.*$");
    /** pipeline, articles/s, MB/s, x passthrough, p50, p95, p99, CPU cores, peak heap MiB. */
    private static final Pattern SUMMARY = Pattern.compile(
            "^(passthrough|hot|full) +(\\d+\\.\\d) +(\\d+\\.\\d\\d) +(\\d+\\.\\d\\dx) +(\\d+) +(\\d+) +(\\d+) +(\\d+\\.\\d\\d) +(\\d+) MiB$");

    @Test
    void everyPhaseAccountsForEveryArticleAndTheTableHasTheFigures() throws Exception {
        Path articles = Path.of(BenchIT.class.getResource("/bench/articles.jsonl").toURI());
        CommandLine cli = NewsflowCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int status = cli.execute("bench", "--bootstrap-servers", SharedKafka.bootstrapServers(),
                "--articles", articles.toString(), "--count", "250", "--warmup", "40", "--rate", "125",
                "--latency-seconds", "2", "--partitions", "2");

        assertThat(status).as("exit status; stderr:%n%s", err).isZero();
        List<String> lines = out.toString().lines().toList();
        Map<String, Matcher> details = matches(lines, DETAIL);
        assertThat(details).containsOnlyKeys("passthrough throughput", "passthrough latency", "hot throughput",
                "hot latency", "full throughput", "full latency");
        details.forEach((phase, row) -> {
            long in = Long.parseLong(row.group(2));
            long outputs = Long.parseLong(row.group(3));
            long deadLetters = Long.parseLong(row.group(4));
            // 125 articles/s for 2 s: the latency phase re-sends each preloaded article once, in another order.
            assertThat(in).as(phase).isEqualTo(250);
            assertThat(outputs + deadLetters).as(phase + " outputs plus dead letters").isEqualTo(in);
            // Every twentieth fixture article has an ftp:// URL: newsflow dead-letters it, the passthrough does not look.
            assertThat(deadLetters).as(phase + " dead letters").isEqualTo(phase.startsWith("passthrough") ? 0 : 12);
            assertThat(Double.parseDouble(row.group(5))).as(phase + " seconds").isPositive();
            assertThat(Double.parseDouble(row.group(6))).as(phase + " CPU cores").isPositive();
            assertThat(Long.parseLong(row.group(8))).as(phase + " peak heap").isPositive();
        });
        Map<String, Matcher> summary = matches(lines, SUMMARY);
        assertThat(summary).containsOnlyKeys("passthrough", "hot", "full");
        summary.forEach((pipeline, row) -> {
            assertThat(Double.parseDouble(row.group(2))).as(pipeline + " articles/s").isPositive();
            assertThat(Long.parseLong(row.group(5))).as(pipeline + " p50").isLessThanOrEqualTo(Long.parseLong(row.group(7)));
        });
        assertThat(summary.get("passthrough").group(4)).isEqualTo("1.00x");
        assertThat(lines).anyMatch(line -> line.startsWith("ratios: hot/passthrough ") && line.contains("full/passthrough "));
        assertThat(lines).contains("counts: every phase's outputs plus dead letters equal its inputs");
        assertThat(lines).as("Kafka Streams reported every phase's thread time").anySatisfy(line -> assertThat(line)
                .startsWith("stream threads' time in the throughput phases")
                .containsPattern("passthrough process \\d+%, commit \\d+%, poll \\d+%, punctuate \\d+%; hot process ")
                .contains("; full process "));
        assertThat(lines.get(0)).startsWith("newsflow bench: 250 articles");
        assertThat(err.toString()).contains("[bench] full throughput: 250/250 articles");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).as("the benchmark cleans up on a cluster it did not start")
                    .noneMatch(topic -> topic.startsWith("newsflow-bench-"));
        }
    }

    private static Map<String, Matcher> matches(List<String> lines, Pattern pattern) {
        return lines.stream().map(pattern::matcher).filter(Matcher::matches)
                .collect(Collectors.toMap(m -> m.group(1), m -> m));
    }
}
