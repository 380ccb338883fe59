package dev.newsflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Outages and lifecycle events around a running application, one disruption each to keep the suite short
 * (the figures in docs/RELIABILITY.md come from the full-size command): nothing lost, nothing duplicated.
 */
class ChaosOutagesIT {

    @TempDir
    Path workDir;

    @ParameterizedTest
    @EnumSource(value = ChaosScenario.class, names = {"BROKER_RESTART", "REGISTRY_OUTAGE", "OUTPUT_UNWRITABLE", "SIGTERM",
            "STATE_WIPE"})
    void oneDisruptionLosesAndDuplicatesNothing(ChaosScenario scenario) throws Exception {
        ChaosFigures figures = ChaosTestRuns.run(scenario, 1_000, 1, Map.of(), List.of(), workDir);

        assertThat(figures.problems()).isEmpty();
        assertThat(figures.disruptions()).isEqualTo(1);
        assertThat(figures.inputs()).isEqualTo(1_000);
        assertThat(figures.counts().missing()).isZero();
        assertThat(figures.counts().duplicated()).isZero();
        assertThat(figures.counts().enriched() + figures.counts().deadLettered()).isEqualTo(1_000);
        if (scenario == ChaosScenario.REGISTRY_OUTAGE) {
            assertThat(figures.notes()).anyMatch(note -> note.contains("\"registry\":\"unavailable\""));
        }
        if (scenario == ChaosScenario.OUTPUT_UNWRITABLE) {
            // The run itself calls a strike that met no refused write a problem; say it here too.
            assertThat(figures.notes()).anyMatch(note -> note.matches("output outage 1: [1-9][0-9]* log lines of refused "
                    + "writes \\(TopicAuthorizationException\\)"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChaosScenario.class, names = "REBALANCE")
    void aSecondInstanceJoinsAndTheFirstLeavesWithoutLossOrDuplicates(ChaosScenario scenario) throws Exception {
        ChaosFigures figures = ChaosTestRuns.run(scenario, 1_000, 2, Map.of(), List.of(), workDir);

        assertThat(figures.problems()).isEmpty();
        assertThat(figures.restarts()).isEqualTo(1);
        assertThat(figures.passed()).isTrue();
    }
}
