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
    @EnumSource(value = ChaosScenario.class, names = {"BROKER_RESTART", "REGISTRY_OUTAGE", "SIGTERM", "STATE_WIPE"})
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
    }

    /**
     * 3,000 inputs, not 1,000: the outage lasts 3-6 s and must meet inputs arriving throughout (at 400/s, the second
     * half of the inputs is sent while it lasts), or the run cannot tell a stalled output from an idle one.
     */
    @ParameterizedTest
    @EnumSource(value = ChaosScenario.class, names = "OUTPUT_UNWRITABLE")
    void anOutputThatStopsTakingWritesStallsTheApplicationThenEverythingComesOutOnce(ChaosScenario scenario)
            throws Exception {
        ChaosFigures figures = ChaosTestRuns.run(scenario, 3_000, 1, Map.of(), List.of(), workDir);

        // The run itself calls an outage that neither refused writes nor stalled the output a problem.
        assertThat(figures.problems()).isEmpty();
        assertThat(figures.notes()).anyMatch(note -> note.startsWith("output outage 1: "));
        assertThat(figures.counts().missing()).isZero();
        assertThat(figures.counts().duplicated()).isZero();
        assertThat(figures.counts().enriched() + figures.counts().deadLettered()).isEqualTo(3_000);
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
