package dev.newsflow.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs chaos scenarios one after another, each on a broker and registry of its own when they are embedded
 * (so a broker restart in one cannot disturb the next), and returns their figures.
 */
public final class ChaosHarness {

    private final ChaosOptions options;
    private final Consumer<String> progress;

    public ChaosHarness(ChaosOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public List<ChaosFigures> run(List<ChaosScenario> scenarios) throws IOException, InterruptedException {
        // Children must not outlive us, whatever ends this JVM short of SIGKILL.
        Thread reaper = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly),
                "chaos-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            List<ChaosFigures> figures = new ArrayList<>();
            for (ChaosScenario scenario : scenarios) {
                figures.add(run(scenario));
            }
            return figures;
        } finally {
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
    }

    /** Deletes a work directory, e.g. after every scenario passed. */
    public static void deleteWorkDir(Path dir) {
        WorkDirs.delete(dir);
    }

    private ChaosFigures run(ChaosScenario scenario) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(options.workDir().resolve(scenario.label()));
        try (ChaosCluster cluster = ChaosCluster.start(options.bootstrapServers(), options.registryUrl(), dir);
             ChaosRun run = new ChaosRun(scenario, options, cluster, dir, progress)) {
            ChaosFigures figures = run.run();
            progress.accept(scenario.label() + ": " + (figures.passed() ? "PASS" : "FAIL") + ", logs in " + dir);
            return figures;
        }
    }
}
