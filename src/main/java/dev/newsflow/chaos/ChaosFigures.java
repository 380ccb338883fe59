package dev.newsflow.chaos;

import java.util.List;
import java.util.Locale;

/**
 * What one chaos run measured. It passes only when every input came out exactly once (enriched or
 * dead-lettered) for a read_committed consumer and no check of the scenario failed.
 *
 * @param inputs      inputs the broker acknowledged
 * @param counts      the output, tallied against the inputs
 * @param kills       SIGKILLs sent to application processes
 * @param restarts    application processes started after the first
 * @param disruptions times the scenario struck
 * @param notes       what the scenario observed, for the record
 * @param problems    failed checks; any makes the run fail
 */
public record ChaosFigures(ChaosScenario scenario, int inputs, OutputCounts counts, int kills, int restarts,
                           int disruptions, double seconds, List<String> notes, List<String> problems) {

    public boolean passed() {
        return counts.exactlyOnce() && problems.isEmpty();
    }

    private static final String FORMAT = "%-18s %7s %9s %14s %8s %11s %11s %6s %9s %12s %8s  %s%n";

    /** A fixed-width table, one row per run, then each run's notes and problems. */
    public static String table(List<ChaosFigures> runs) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, FORMAT, "scenario", "inputs", "enriched",
                "dead-lettered", "missing", "duplicated", "unexpected", "kills", "restarts", "disruptions", "seconds",
                "result"));
        for (ChaosFigures run : runs) {
            OutputCounts c = run.counts();
            out.append(String.format(Locale.ROOT, FORMAT, run.scenario().label(), run.inputs(), c.enriched(),
                    c.deadLettered(), c.missing(), c.duplicated(), c.unexpected(), run.kills(), run.restarts(),
                    run.disruptions(), String.format(Locale.ROOT, "%.1f", run.seconds()),
                    run.passed() ? "PASS" : "FAIL"));
        }
        for (ChaosFigures run : runs) {
            run.notes().forEach(note -> out.append(run.scenario().label()).append(": ").append(note).append('\n'));
            run.problems().forEach(p -> out.append(run.scenario().label()).append(": PROBLEM ").append(p).append('\n'));
        }
        return out.toString();
    }
}
