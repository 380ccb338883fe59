package dev.newsflow.chaos;

import dev.newsflow.app.NewsflowApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One newsflow application running as a child process, with its health endpoint and its own state dir. */
final class AppInstance {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int httpPort;
    private final Path stateDir;
    private final Path log;

    private AppInstance(Process process, int httpPort, Path stateDir, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.stateDir = stateDir;
        this.log = log;
    }

    static AppInstance start(List<String> command, int httpPort, Path stateDir, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new AppInstance(process, httpPort, stateDir, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    /** SIGKILL on Linux: no shutdown hook, no commit, no close; open transactions stay open. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the shutdown hook commits and closes; returns the exit code, or -1 if it had to be killed. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        kill();
        return -1;
    }

    /** Whether the application logged that its close() completed (committed, transactions closed, group left). */
    boolean closedCleanly() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .anyMatch(line -> line.contains(NewsflowApplication.CLOSED_CLEANLY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many lines of the application's log contain {@code text}. */
    long linesContaining(String text) {
        // Latin-1 reads any byte, so a log line with broken UTF-8 from a hostile article cannot fail the count.
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The /health body, or empty while the endpoint does not answer. */
    Optional<String> health() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    boolean running() {
        return health().map(body -> body.contains("\"streams\":\"RUNNING\"")).orElse(false);
    }

    Path stateDir() {
        return stateDir;
    }

    Path log() {
        return log;
    }
}
