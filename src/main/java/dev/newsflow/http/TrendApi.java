package dev.newsflow.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.newsflow.topology.Topics;
import dev.newsflow.topology.TrendBucket;
import dev.newsflow.topology.TrendKey;
import dev.newsflow.topology.TrendPairPartitioner;
import dev.newsflow.topology.TrendQueries;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Interactive queries over the trend stores: {@code GET /api/trends/topic/{id}} and {@code /api/trends/entity/{id}}
 * (time series, {@code ?from=&to=} ISO instants) and {@code /api/trends/topic/{id}/top-entities} ({@code ?window=}
 * an instant in the window, {@code &limit=}). A key owned by another instance is forwarded to it; while nobody owns it
 * (a rebalance) the answer is 503 with {@code Retry-After}.
 */
public final class TrendApi implements HttpHandler {

    /** Where the routes live on the HTTP server. */
    public static final String PATH = "/api/trends/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 10;

    private final KafkaStreams streams;
    private final KeyLocator locator;
    private final QueryForwarder forwarder;
    private final Duration window;
    private final Duration retention;
    private final Clock clock;

    /**
     * @param self      this instance's advertised address ({@code host:port}), or null when it has none
     * @param window    the trend window size
     * @param retention how long windows are kept (the default range of a time series)
     */
    public TrendApi(KafkaStreams streams, String self, Duration window, Duration retention, Clock clock) {
        this.streams = streams;
        this.locator = new KeyLocator(streams, self == null ? null : org.apache.kafka.streams.state.HostInfo.buildFromEndpoint(self));
        this.forwarder = new QueryForwarder(self);
        this.window = window;
        this.retention = retention;
        this.clock = clock;
    }

    /** A request that cannot be answered as asked. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("GET")) {
                error(exchange, 405, "only GET");
                return;
            }
            List<String> parts = segments(exchange.getRequestURI().getRawPath().substring(PATH.length()));
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (parts.size() == 2 && (parts.get(0).equals("topic") || parts.get(0).equals("entity"))) {
                String key = parts.get(0).equals("topic") ? TrendKey.topic(parts.get(1)) : TrendKey.entity(parts.get(1));
                route(exchange, Topics.TrendTopics.COUNTS_STORE, key, false, partition -> series(key, partition, query));
            } else if (parts.size() == 3 && parts.get(0).equals("topic") && parts.get(2).equals("top-entities")) {
                String topic = parts.get(1);
                route(exchange, Topics.TrendTopics.TOPIC_ENTITIES_STORE, TrendKey.pairsFrom(topic), true,
                        partition -> topEntities(topic, partition, query));
            } else {
                error(exchange, 404, "not found; try /api/trends/topic/{id}, /api/trends/entity/{id} or "
                        + "/api/trends/topic/{id}/top-entities");
            }
        } catch (BadRequest e) {
            error(exchange, 400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(exchange, "interrupted");
        } catch (RuntimeException e) {
            error(exchange, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    @FunctionalInterface
    private interface LocalQuery {
        Map<String, Object> answer(Integer partition) throws BadRequest;
    }

    private void route(HttpExchange exchange, String store, String key, boolean byTopic, LocalQuery query)
            throws IOException, InterruptedException, BadRequest {
        KeyLocation location = locator.locate(store, key, byTopic ? new TrendPairPartitioner<>() : null);
        if (location instanceof KeyLocation.Local local) {
            Map<String, Object> body;
            try {
                body = query.answer(local.partition());
            } catch (InvalidStateStoreException e) {
                // The store is being restored or handed over between the metadata lookup and the read.
                unavailable(exchange, "the store is migrating: " + e.getMessage());
                return;
            }
            body.put("servedBy", locator.self());
            HealthServer.respond(exchange, 200, "application/json", JSON.writeValueAsString(body) + "\n");
        } else if (location instanceof KeyLocation.Remote remote) {
            if (exchange.getRequestHeaders().containsKey(QueryForwarder.HEADER)) {
                // The sender thought we own it and we think it does not: metadata is moving, ask again shortly.
                unavailable(exchange, "ownership is changing");
                return;
            }
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            try {
                QueryForwarder.Answer answer = forwarder.forward(remote.owner(), pathAndQuery);
                if (answer.status() == 503) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                }
                HealthServer.respond(exchange, answer.status(), answer.contentType(), answer.body());
            } catch (IOException e) {
                unavailable(exchange, "owner " + remote.owner().host() + ":" + remote.owner().port() + " did not answer");
            }
        } else {
            unavailable(exchange, ((KeyLocation.Unavailable) location).why());
        }
    }

    private Map<String, Object> series(String key, Integer partition, Map<String, String> query) throws BadRequest {
        Instant to = instant(query, "to", clock.instant());
        Instant from = instant(query, "from", to.minus(retention));
        if (from.isAfter(to)) {
            throw new BadRequest("from is after to");
        }
        ReadOnlyWindowStore<String, TrendBucket> store = store(Topics.TrendTopics.COUNTS_STORE, partition);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("windowSize", window.toString());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("points", TrendQueries.series(store, key, from, to, window).stream().map(p -> Map.of(
                "start", p.start().toString(), "end", p.end().toString(), "count", p.count(),
                "sampleArticleIds", p.sampleArticleIds())).toList());
        return body;
    }

    private Map<String, Object> topEntities(String topic, Integer partition, Map<String, String> query) throws BadRequest {
        Instant start = TrendQueries.windowStart(instant(query, "window", clock.instant()), window);
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "" + DEFAULT_LIMIT));
        } catch (NumberFormatException e) {
            throw new BadRequest("limit must be a number");
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequest("limit must be between 1 and 1000");
        }
        ReadOnlyWindowStore<String, Long> store = store(Topics.TrendTopics.TOPIC_ENTITIES_STORE, partition);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topic);
        body.put("windowStart", start.toString());
        body.put("windowEnd", start.plus(window).toString());
        body.put("entities", TrendQueries.topEntities(store, topic, start, limit).stream()
                .map(e -> Map.of("entityId", e.entityId(), "count", e.count())).toList());
        return body;
    }

    private <V> ReadOnlyWindowStore<String, V> store(String name, Integer partition) {
        StoreQueryParameters<ReadOnlyWindowStore<String, V>> parameters =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>windowStore());
        return streams.store(partition == null ? parameters : parameters.withPartition(partition));
    }

    private static Instant instant(Map<String, String> query, String name, Instant fallback) throws BadRequest {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be an ISO-8601 instant such as 2026-11-28T09:00:00Z, got " + value);
        }
    }

    private static List<String> segments(String rawPath) {
        return java.util.Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void unavailable(HttpExchange exchange, String why) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", "1");
        error(exchange, 503, why);
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        HealthServer.respond(exchange, status, "application/json",
                JSON.writeValueAsString(Map.of("error", message)) + "\n");
    }
}
