package dev.newsflow.chaos;

import dev.newsflow.app.NewsflowApplication;
import dev.newsflow.kafka.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The application processes of one chaos run: started, restarted, killed and terminated here. */
final class AppFleet implements AutoCloseable {

    private final AppLauncher launcher;
    private final List<String> args;
    private final Path dir;
    private final List<AppInstance> live = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private int started;
    private int kills;

    AppFleet(AppLauncher launcher, List<String> args, Path dir) {
        this.launcher = launcher;
        this.args = List.copyOf(args);
        this.dir = dir;
    }

    /** A new instance with a state directory of its own. */
    AppInstance startNew() {
        return start(dir.resolve("state-" + (started + 1)));
    }

    /** A new process on {@code stateDir}, as a restarted instance would be (a fresh port: the old may linger). */
    AppInstance start(Path stateDir) {
        started++;
        int port = FreePorts.pick();
        Path log = dir.resolve("app-" + started + ".log");
        List<String> command = new ArrayList<>(args);
        command.addAll(List.of("--state-dir", stateDir.toString(), "--http-port", Integer.toString(port)));
        AppInstance instance = AppInstance.start(launcher.run(command), port, stateDir, log);
        live.add(instance);
        logs.add(log);
        return instance;
    }

    void kill(AppInstance instance) throws InterruptedException {
        instance.kill();
        kills++;
        live.remove(instance);
    }

    int terminate(AppInstance instance) throws InterruptedException {
        live.remove(instance);
        return instance.terminate(Duration.ofSeconds(60));
    }

    List<AppInstance> live() {
        return List.copyOf(live);
    }

    AppInstance newest() {
        return live.get(live.size() - 1);
    }

    int started() {
        return started;
    }

    int kills() {
        return kills;
    }

    /** Stream threads that died and were replaced, as the application logs report them. */
    long threadFailures() {
        long failures = 0;
        for (Path log : logs) {
            try {
                failures += Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains(NewsflowApplication.THREAD_REPLACED)).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return failures;
    }

    @Override
    public void close() {
        for (AppInstance instance : live) {
            try {
                instance.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        live.clear();
    }
}
