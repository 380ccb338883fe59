package dev.newsflow.cli;

import dev.newsflow.chaos.ChaosFigures;
import dev.newsflow.chaos.ChaosHarness;
import dev.newsflow.chaos.ChaosOptions;
import dev.newsflow.chaos.ChaosScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow chaos}: the application as child processes under crash, outage and rebalance, with figures. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Run the application as child processes on a real broker, feed articles, disrupt it at random "
                + "moments (SIGKILL, broker restart, registry outage, unwritable output, SIGTERM, state wipe, rebalance), "
                + "then read the output read_committed and print inputs, enriched, dead-lettered, missing and duplicated.",
                "Exit code 0 only when every input came out exactly once in every scenario."})
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

    @Option(names = {"--kills", "--disruptions"}, defaultValue = "3",
            description = "Times each scenario strikes, at random moments (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--seed", description = "Seed of the random moments and synthetic articles (default: random, printed).")
    Long seed;

    @Option(names = "--rate", defaultValue = "500", description = "Inputs per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "An existing Kafka cluster; default: an embedded broker per scenario (broker-restart needs it).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "An existing registry; default: an embedded one per scenario (registry-outage needs it).")
    String schemaRegistryUrl;

    @Option(names = "--kafka-config", paramLabel = "KEY=VALUE", split = ",(?=[A-Za-z0-9_.-]+=)",
            description = "Client setting for the harness and the applications, e.g. num.standby.replicas=1; repeatable.")
    Map<String, String> kafkaConfig = new LinkedHashMap<>();

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

    @Override
    public Integer call() throws Exception {
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1_000_000);
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("newsflow-chaos-");
        ChaosOptions options = new ChaosOptions(articles, articlesFile, kills, actualSeed, rate, bootstrapServers,
                schemaRegistryUrl, kafkaConfig, appArgs, dir.toAbsolutePath(), timeout);
        List<ChaosScenario> chosen = scenarios.stream().anyMatch("all"::equalsIgnoreCase)
                ? Arrays.asList(ChaosScenario.values())
                : scenarios.stream().map(ChaosScenario::fromLabel).toList();
        System.out.printf("[chaos] seed %d, work dir %s%n", actualSeed, dir);
        List<ChaosFigures> figures = new ChaosHarness(options, line -> System.out.println("[chaos] " + line)).run(chosen);
        System.out.print(ChaosFigures.table(figures));
        boolean passed = figures.stream().allMatch(ChaosFigures::passed);
        if (passed && workDir == null) {
            ChaosHarness.deleteWorkDir(dir);
        }
        return passed ? 0 : 1;
    }
}
