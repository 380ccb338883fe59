package dev.newsflow.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Apicurio Registry 2.6 (Confluent API at {@code /apis/ccompat/v7}) for integration tests: one
 * per test JVM, started on first use, stopped when the JVM exits. Use {@link #shared()}, or
 * {@code @ExtendWith(ApicurioRegistry.Resolver.class)} and a parameter of this type.
 *
 * <p>The server runs from the runner jar that the pom unpacks under {@code apicurio.home} at
 * pre-integration-test; its log goes to {@code target/apicurio-<port>.log}. It is started under a
 * small shell that kills it when its stdin closes, so it dies with the test JVM even when that JVM is
 * killed without running shutdown hooks.
 *
 * <p>Differences from Confluent found with 2.6.13.Final (see also RestSchemaRegistryClient):
 * <ul>
 *   <li>default compatibility is NONE, so this class sets BACKWARD globally at start;</li>
 *   <li>identity is the exact schema text: the same schema with other whitespace becomes a new
 *       version with a new id (Confluent canonicalises); our client always sends {@code Schema.toString()};</li>
 *   <li>ids are not dense (a rejected registration can use one up);</li>
 *   <li>compatibility check on an unknown subject answers 404/40402 where Confluent says compatible;</li>
 *   <li>{@code PUT /config/{subject}} with NONE removes the subject rule, so the global rule still
 *       applies; {@code GET /config/{subject}} answers NONE when the subject has no rule of its own
 *       (Confluent: 40408), whatever the global level;</li>
 *   <li>a bad compatibility level gets a plain-text 400 (Confluent: 422 / 42203); an invalid schema
 *       gets 42201 as in Confluent but with a generic message; a body without "schema" gets 500 /
 *       error_code 0 from a NullPointerException;</li>
 *   <li>responses are {@code application/json}, errors on incompatibility name Apicurio's own
 *       exception, and the verbose compatibility answer has "reason" instead of "messages".</li>
 * </ul>
 */
public final class ApicurioRegistry {

    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static ApicurioRegistry shared;

    private final Process process;
    private final int port;
    private final Path log;

    private ApicurioRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The registry of this JVM, started on first call (about 5-10 s). */
    public static synchronized ApicurioRegistry shared() {
        if (shared == null || !shared.process.isAlive()) {
            ApicurioRegistry started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "apicurio-stop"));
            shared = started;
        }
        return shared;
    }

    /** Base URL of the Confluent-compatible API, for {@code schema.registry.url}. */
    public String url() {
        return baseUrl() + CCOMPAT_PATH;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    private static ApicurioRegistry start() {
        Path home = Path.of(System.getProperty("apicurio.home", "target/apicurio"));
        Path runner = findRunner(home);
        int port = freePort();
        int managementPort = freePort();
        Path log = home.toAbsolutePath().getParent().resolve("apicurio-" + port + ".log");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                // The shell holds our pipe as stdin: EOF (we closed it, or our JVM died) stops the server.
                "\"$@\" </dev/null & child=$!; cat >/dev/null; kill $child 2>/dev/null; wait $child",
                "apicurio"));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-jar", runner.toString()));
        long begin = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Apicurio from " + runner, e);
        }
        ApicurioRegistry registry = new ApicurioRegistry(process, port, log);
        try {
            registry.awaitReady();
            // Apicurio defaults to NONE; the project's registries (and Confluent) default to BACKWARD.
            RestSchemaRegistryClient.forUrl(registry.url()).setCompatibility(null, CompatibilityLevel.BACKWARD);
        } catch (RuntimeException | Error e) {
            registry.stop();
            throw e;
        }
        System.out.printf("Apicurio Registry ready at %s in %d ms (log %s)%n", registry.url(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), log);
        return registry;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/subjects")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio exited with " + process.exitValue() + " during start:\n"
                        + logTail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Apicurio", e);
            }
            sleep(200);
        }
        throw new IllegalStateException("Apicurio did not answer within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** Stops the server (idempotent). */
    public void stop() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the shell is gone already
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static Path findRunner(Path home) {
        try (Stream<Path> files = Files.walk(home, 3)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-runner.jar under " + home.toAbsolutePath()));
        } catch (IOException e) {
            throw new IllegalStateException("no Apicurio under " + home.toAbsolutePath() + " (system property "
                    + "apicurio.home); `mvn verify` unpacks io.apicurio:apicurio-registry-app:tar.gz:all there "
                    + "at pre-integration-test", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JUnit 5 parameter resolver handing tests the shared registry. */
    public static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ApicurioRegistry.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return shared();
        }
    }
}
