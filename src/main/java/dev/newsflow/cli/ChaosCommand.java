package dev.newsflow.cli;

import dev.newsflow.chaos.ChaosFigures;
import dev.newsflow.chaos.ChaosHarness;
import dev.newsflow.chaos.ChaosOptions;
import dev.newsflow.chaos.ChaosScenario;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow chaos}: the application as child processes under crash, outage and rebalance, with figures. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Run the application as child processes on a real broker, feed articles, disrupt it at random "
                + "moments (SIGKILL, broker restart, registry outage, unwritable output, SIGTERM, state wipe, rebalance), "
                + "then read the output read_committed and print inputs, enriched, dead-lettered, missing and duplicated.",
                "Embedded broker and registry (one pair per scenario) unless --bootstrap-servers / --schema-registry-url "
                        + "are given (flag, NEWSFLOW_* variable or file). Exit code 0 only when every input came out "
                        + "exactly once in every scenario."},
        footer = {"", "Examples:", "  newsflow chaos --scenario all 2>chaos.log",
                "  newsflow chaos --scenario sigkill --kills 5 --seed 7",
                "  newsflow chaos --scenario rebalance --kafka-config num.standby.replicas=1"})
final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--scenario", split = ",", paramLabel = "NAME", defaultValue = "sigkill",
            description = "sigkill, broker-restart, registry-outage, output-unwritable, sigterm, state-wipe, rebalance, "
                    + "or all; comma-separated or repeated (default: ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = "--articles", defaultValue = "10000",
            description = "Inputs to send; one in 97 is a bad record that must be dead-lettered (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--articles-file", paramLabel = "FILE",
            description = "JSON-lines articles to send, cycled, ids replaced; default: synthetic articles.")
    Path articlesFile;

    @Option(names = "--kills", defaultValue = "3",
            description = "Times each scenario strikes, at random moments (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--seed", description = "Seed of the random moments and synthetic articles (default: random, printed).")
    Long seed;

    @Option(names = "--rate", defaultValue = "500", description = "Inputs per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--app-arg", paramLabel = "ARG",
            description = "Extra argument for every application's 'run', e.g. --app-arg=--no-ner; repeatable.")
    List<String> appArgs = new ArrayList<>();

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Broker data, state directories and application logs; default: a temporary directory, "
                    + "deleted when every scenario passed.")
    Path workDir;

    @Option(names = "--timeout", defaultValue = "PT10M",
            description = "Longest wait for the output after the last disruption, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1_000_000);
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("newsflow-chaos-");
        ChaosOptions options = new ChaosOptions(articles, articlesFile, kills, actualSeed, rate,
                connection.bootstrapServersIfGiven(spec), connection.schemaRegistryUrlIfGiven(spec),
                connection.clientConfig(), appArgs, dir.toAbsolutePath(), timeout);
        List<ChaosScenario> chosen = scenarios.stream().anyMatch("all"::equalsIgnoreCase)
                ? Arrays.asList(ChaosScenario.values())
                : scenarios.stream().map(ChaosScenario::fromLabel).toList();
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> progress = line -> {
            out.println("[chaos] " + line);
            out.flush();
        };
        progress.accept(String.format(Locale.ROOT, "seed %d, work dir %s", actualSeed, dir));
        List<ChaosFigures> figures = new ChaosHarness(options, progress).run(chosen);
        out.print(ChaosFigures.table(figures));
        out.flush();
        boolean passed = figures.stream().allMatch(ChaosFigures::passed);
        if (passed && workDir == null) {
            ChaosHarness.deleteWorkDir(dir);
        }
        return passed ? 0 : 1;
    }
}
