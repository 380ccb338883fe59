package dev.newsflow.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Serves {@code /health} (200 while the streams client runs or rebalances, 503 otherwise) and {@code /metrics}
 * (the Kafka Streams client metrics in Prometheus text format) for orchestrators and dashboards.
 */
public final class HealthServer implements AutoCloseable {

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts on {@code host:port} (port 0 picks a free one).
     *
     * @param state   the current streams state
     * @param metrics the streams client's metrics
     */
    public static HealthServer start(String host, int port, Supplier<KafkaStreams.State> state,
                                     Supplier<Map<MetricName, ? extends Metric>> metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "newsflow-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/health", exchange -> health(exchange, state.get()));
        server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4",
                prometheus(metrics.get())));
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

    private static void health(HttpExchange exchange, KafkaStreams.State state) throws IOException {
        String status = switch (state) {
            case RUNNING -> "UP";
            case REBALANCING, CREATED -> "DEGRADED";
            default -> "DOWN";
        };
        int code = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING ? 200 : 503;
        respond(exchange, code, "application/json",
                "{\"status\":\"" + status + "\",\"streams\":\"" + state + "\"}\n");
    }

    static String prometheus(Map<MetricName, ? extends Metric> metrics) {
        Map<String, String> lines = new TreeMap<>();
        metrics.forEach((name, metric) -> {
            if (!(metric.metricValue() instanceof Number number) || Double.isNaN(number.doubleValue())) {
                return;
            }
            String metricName = ("kafka_" + name.group() + "_" + name.name()).replaceAll("[^A-Za-z0-9_]", "_");
            StringBuilder labels = new StringBuilder();
            name.tags().forEach((key, value) -> labels.append(labels.length() == 0 ? "" : ",")
                    .append(key.replaceAll("[^A-Za-z0-9_]", "_")).append("=\"")
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
            lines.put(metricName + "{" + labels + "}", String.format(Locale.ROOT, "%s", number.doubleValue()));
        });
        StringBuilder out = new StringBuilder();
        lines.forEach((key, value) -> out.append(key).append(' ').append(value).append('\n'));
        return out.toString();
    }

    private static void respond(HttpExchange exchange, int code, String contentType, String body) throws IOException {
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
