package dev.newsflow.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of a chaos run.
 *
 * @param articles         inputs to send (about one in a hundred is a bad record that must be dead-lettered)
 * @param articlesFile     articles to send (cycled, ids replaced); null generates synthetic ones
 * @param disruptions      how many times the scenario strikes (SIGKILLs for {@code sigkill})
 * @param seed             seeds the random moments and the synthetic articles
 * @param ratePerSecond    input rate
 * @param bootstrapServers an existing cluster, or null for an embedded broker (needed by broker-restart)
 * @param registryUrl      an existing registry, or null for an embedded one (needed by registry-outage)
 * @param clientConfig     pass-through client settings, as {@code --kafka-config}
 * @param appArgs          extra arguments for each application's {@code run}, e.g. {@code --no-ner}
 * @param workDir          broker data, application state directories and logs
 * @param timeout          longest wait for the output to be complete after the last disruption
 */
public record ChaosOptions(int articles, Path articlesFile, int disruptions, long seed, int ratePerSecond,
                           String bootstrapServers, String registryUrl, Map<String, String> clientConfig,
                           List<String> appArgs, Path workDir, Duration timeout) {

    public ChaosOptions {
        if (articles < 1 || disruptions < 0 || ratePerSecond < 1) {
            throw new IllegalArgumentException("articles and rate must be positive, disruptions not negative");
        }
        clientConfig = Map.copyOf(clientConfig);
        appArgs = List.copyOf(appArgs);
    }
}
