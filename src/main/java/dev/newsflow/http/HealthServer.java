package dev.newsflow.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Serves health and metrics for orchestrators and dashboards: {@code /health} (200 while running or
 * rebalancing), {@code /health/live} (process up, stream threads alive), {@code /health/ready} (streams
 * RUNNING), all with JSON bodies and 503 when not, and {@code /metrics} in the Prometheus text format. Other rooms'
 * routes (interactive queries, the web console) are served on the same address.
 */
public final class HealthServer implements AutoCloseable {

    /** Prometheus text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts on {@code host:port} (port 0 picks a free one).
     *
     * @param health  the streams client's current state and threads
     * @param metrics every meter, already in the Prometheus text format
     */
    public static HealthServer start(String host, int port, Supplier<StreamsHealth> health,
                                     Supplier<String> metrics) throws IOException {
        return start(host, port, health, metrics, Map.of());
    }

    /** As above, also serving {@code routes} (path prefix to handler), such as the interactive query API. */
    public static HealthServer start(String host, int port, Supplier<StreamsHealth> health,
                                     Supplier<String> metrics, Map<String, HttpHandler> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        // More than one thread: a query forwarded to another instance waits for it, and that instance may be
        // forwarding one to us at the same moment.
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "newsflow-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/health", exchange -> health(exchange, health.get()));
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
        routes.forEach(server::createContext);
        server.start();
        return new HealthServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server listens on (loopback unless the operator chose another host). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static String status(KafkaStreams.State state) {
        return switch (state) {
            case RUNNING -> "UP";
            case REBALANCING, CREATED -> "DEGRADED";
            default -> "DOWN";
        };
    }

    private static void health(HttpExchange exchange, StreamsHealth health) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case "/health", "/health/" -> health(exchange, health, health.up(), status(health.state()));
            case "/health/live" -> health(exchange, health, health.live(), health.live() ? "UP" : "DOWN");
            case "/health/ready" -> health(exchange, health, health.ready(), health.ready() ? "UP" : "DOWN");
            default -> respond(exchange, 404, "application/json",
                    "{\"error\":\"not found; try /health, /health/live, /health/ready or /metrics\"}\n");
        }
    }

    private static void health(HttpExchange exchange, StreamsHealth health, boolean ok, String status) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("streams", health.state().name());
        body.put("aliveThreads", health.aliveThreads());
        body.put("threads", health.threads());
        respond(exchange, ok ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
    }

    static void respond(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
