package dev.newsflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness end to end: the application as child processes on a real embedded broker and registry,
 * SIGKILLed at random moments, its output audited read_committed. The second test proves the audit can fail:
 * at-least-once processing with rare commits must show duplicates after a SIGKILL.
 */
class ChaosIT {

    @TempDir
    Path workDir;

    @Test
    void threeSigkillsLoseAndDuplicateNothing() throws Exception {
        ChaosFigures figures = ChaosTestRuns.run(ChaosScenario.SIGKILL, 2_000, 3, Map.of(), List.of(), workDir);

        assertThat(figures.problems()).isEmpty();
        assertThat(figures.inputs()).isEqualTo(2_000);
        assertThat(figures.kills()).isEqualTo(3);
        assertThat(figures.restarts()).isEqualTo(3);
        assertThat(figures.notes())
                .filteredOn(note -> note.matches("strike [123]: new output committed [0-9.]+ s after it began"))
                .hasSize(3);
        assertThat(figures.counts().deadLettered()).isEqualTo(2_000 / ChaosInputs.BAD_EVERY);
        assertThat(figures.counts().enriched()).isEqualTo(2_000 - 2_000 / ChaosInputs.BAD_EVERY);
        assertThat(figures.counts()).isEqualTo(new OutputCounts(figures.counts().enriched(),
                figures.counts().deadLettered(), 0, 0, 0));
        assertThat(figures.passed()).isTrue();
    }

    @Test
    void theAuditSeesDuplicatesWhenProcessingIsOnlyAtLeastOnce() throws Exception {
        // Commits once a minute: a SIGKILL then always falls after output that the next instance repeats.
        ChaosFigures figures = ChaosTestRuns.run(ChaosScenario.SIGKILL, 600, 1, Map.of("commit.interval.ms", "60000"),
                List.of("--processing-guarantee", "at_least_once"), workDir);

        assertThat(figures.counts().missing()).isZero();
        assertThat(figures.counts().duplicated()).isPositive();
        assertThat(figures.passed()).isFalse();
    }
}
