package dev.newsflow.cli;

import dev.newsflow.bench.BenchReport;
import dev.newsflow.bench.BenchSettings;
import dev.newsflow.bench.Benchmark;
import dev.newsflow.bench.Pipeline;
import dev.newsflow.config.NewsflowConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow bench}: end-to-end throughput and latency of newsflow against a passthrough baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure end to end on Kafka: throughput (articles/s, MB/s), latency at a fixed rate (p50/p95/p99), "
                + "CPU and heap of a passthrough topology, newsflow without NER (hot) and with NER (full). Starts an "
                + "embedded broker and registry unless --bootstrap-servers / --schema-registry-url are given "
                + "(flag or NEWSFLOW_* variable). Exit status 1 when a phase lost or duplicated records.",
        footer = {"", "Examples:", "  newsflow bench --count 20000", "  newsflow bench --phases passthrough,hot --latency-seconds 0"})
final class BenchCommand implements Callable<Integer> {

    static final String DEFAULT_ARTICLES = "../shared/data/stream/allsides_articles.jsonl.gz";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--articles", paramLabel = "FILE", defaultValue = DEFAULT_ARTICLES,
            description = "JSON-lines articles (.jsonl or .jsonl.gz) to preload (default: ${DEFAULT-VALUE}).")
    Path articles;

    @Option(names = "--count", defaultValue = "20000",
            description = "Articles preloaded and read by every throughput phase (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--warmup", defaultValue = "10000",
            description = "Articles pushed through each pipeline before it is measured, so the JIT has compiled it; "
                    + "0 for none (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rate", defaultValue = "300",
            description = "Articles per second offered in the latency phases (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "30",
            description = "Length of each latency phase; 0 skips them (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--stream-threads", defaultValue = "1",
            description = "Kafka Streams threads (num.stream.threads) of every application (default: ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--partitions", defaultValue = "" + NewsflowConfig.DEFAULT_PARTITIONS,
            description = "Partitions of every topic the benchmark creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--phases", split = ",", paramLabel = "PIPELINE", defaultValue = "passthrough,hot,full",
            description = "Pipelines to measure, in order: passthrough, hot (NER off), full (default: ${DEFAULT-VALUE}).")
    List<Pipeline> phases;

    @Option(names = "--processing-guarantee", defaultValue = NewsflowConfig.DEFAULT_PROCESSING_GUARANTEE,
            description = "exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE}).")
    String processingGuarantee;

    @Option(names = "--event-times", defaultValue = "live", paramLabel = "live|archive",
            description = "Publication times of the preloaded articles: live (the moment each is loaded, as a live feed; "
                    + "every trend hit is counted) or archive (the file's own, years out of order: most trend hits are "
                    + "too late for their window and dropped, so trends cost less than live) (default: ${DEFAULT-VALUE}).")
    BenchSettings.EventTimes eventTimes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchReport report = Benchmark.run(settings(), spec.commandLine().getErr(), stderrIsTerminal());
        report.print(spec.commandLine().getOut());
        return report.allAccountedFor() ? 0 : 1;
    }

    BenchSettings settings() {
        return new BenchSettings(articles, count, warmup, rate, latencySeconds, streamThreads, partitions, phases,
                processingGuarantee, connection.bootstrapServersIfGiven(spec),
                connection.schemaRegistryUrlIfGiven(spec), connection.clientConfig(), eventTimes);
    }

    /** System.console() needs stdout to be a terminal too; on Linux stderr's own file descriptor tells. */
    private static boolean stderrIsTerminal() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString().matches("/dev/(pts/\\d+|tty.*)");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }
}
