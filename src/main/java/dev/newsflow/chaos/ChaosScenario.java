package dev.newsflow.chaos;

import java.util.Locale;

/** What a chaos run does to the application and its surroundings, several times while articles flow. */
public enum ChaosScenario {
    SIGKILL("SIGKILL the application at a random moment, restart it"),
    BROKER_RESTART("stop the broker for 2-5 s, restart it on the same port and log directories"),
    REGISTRY_OUTAGE("stop the registry, restart the application with cold caches, restart the registry after 2-5 s"),
    OUTPUT_UNWRITABLE("deny writes to the output topic by ACL until the application is refused, then 3-6 s more"),
    SIGTERM("SIGTERM the application (clean close), check its exit code and open transactions, restart it"),
    STATE_WIPE("SIGKILL the application, delete its state directory, restart it"),
    REBALANCE("start a second instance with the same application id, later SIGTERM the older one");

    private final String description;

    ChaosScenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The command-line name: {@code broker-restart} for BROKER_RESTART. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChaosScenario fromLabel(String label) {
        for (ChaosScenario scenario : values()) {
            if (scenario.label().equalsIgnoreCase(label) || scenario.name().equalsIgnoreCase(label)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + label + "'");
    }
}
