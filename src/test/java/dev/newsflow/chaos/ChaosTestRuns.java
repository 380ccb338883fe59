package dev.newsflow.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small, fast chaos runs for integration tests: no NER, a short session timeout, a fixed seed. */
final class ChaosTestRuns {

    private ChaosTestRuns() {
    }

    static ChaosFigures run(ChaosScenario scenario, int articles, int disruptions, Map<String, String> kafkaConfig,
                            List<String> appArgs, Path workDir) throws Exception {
        // A killed instance holds its partitions until its session times out; 6 s is the broker's minimum.
        Map<String, String> config = new HashMap<>(Map.of("session.timeout.ms", "6000"));
        config.putAll(kafkaConfig);
        List<String> args = new ArrayList<>(List.of("--no-ner"));
        args.addAll(appArgs);
        ChaosOptions options = new ChaosOptions(articles, null, disruptions, 42, 400, null, null, config, args, workDir,
                Duration.ofMinutes(3));
        List<ChaosFigures> figures = new ChaosHarness(options, line -> System.out.println("[chaos] " + line))
                .run(List.of(scenario));
        System.out.print(ChaosFigures.table(figures));
        return figures.get(0);
    }
}
